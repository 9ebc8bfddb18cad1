package io.playbooks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertCommandTest {

    private static final String RUNBOOK = "<h2>Steps</h2><ol><li>Stop the agent: <code>sudo systemctl stop agent</code></li>"
            + "<li>Check health: <code>curl http://localhost:8080/health</code></li></ol>";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ConvertCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPlaybookPrintsYamlAndExitsZero() throws Exception {
        Path page = Files.writeString(folder.resolve("agent.xhtml"), RUNBOOK);
        assertThat(run("--title", "Restart the agent", "--space", "OPS", "--labels", "runbook,agent", page.toString())).isZero();
        assertThat(stdout()).startsWith("version: 1\nname: \"Restart the agent\"").contains("action: \"http_request\"")
                .contains("confluence_space: \"OPS\"");
    }

    @Test
    void jsonFormatPrintsTheReport() throws Exception {
        Path page = Files.writeString(folder.resolve("agent.xhtml"), RUNBOOK);
        assertThat(run("--format", "json", "--title", "Restart the agent", page.toString())).isZero();
        JsonNode report = new ObjectMapper().readTree(stdout());
        assertThat(report.path("is_playbook").asBoolean()).isTrue();
        assertThat(report.path("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(report.path("reasons").isArray()).isTrue();
        assertThat(report.path("playbook").path("steps").size()).isEqualTo(2);
    }

    @Test
    void notAPlaybookExitsThreeWithReasonsOnStderr() throws Exception {
        Path page = Files.writeString(folder.resolve("glossary.xhtml"), "<p>Terms used here.</p>");
        assertThat(run("--labels", "glossary", page.toString())).isEqualTo(3);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("not a playbook").contains("glossary");
    }

    @Test
    void illFormedOrUnreadableInputExitsTwoWithOneLine() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.xhtml"), "<ol><li>Stop</ol>");
        assertThat(run(broken.toString())).isEqualTo(2);
        assertThat(stderr().strip()).doesNotContain("\n").contains("broken.xhtml").contains("ill-formed");
        err.reset();
        assertThat(run(folder.resolve("nope.xhtml").toString())).isEqualTo(2);
        assertThat(stderr().strip()).doesNotContain("\n").contains("nope.xhtml");
        err.reset();
        assertThat(run("--format", "xml", broken.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--format must be yaml or json");
    }

    @Test
    void folderModeWritesOneReportPerPageAndGoesOnPastBadFiles() throws Exception {
        Path in = Files.createDirectories(folder.resolve("in"));
        Path outDir = folder.resolve("out");
        Files.writeString(in.resolve("agent.xhtml"), RUNBOOK);
        Files.writeString(in.resolve("agent.meta.json"), "{\"title\":\"Restart the agent\",\"space\":\"OPS\",\"labels\":[\"runbook\"]}");
        Files.write(in.resolve("latin1.xhtml"), "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("notes.xhtml"), "<h2>Participants</h2><ul><li>Ann</li></ul>");
        assertThat(run("--format", "json", "--out", outDir.toString(), in.toString())).isEqualTo(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(outDir.resolve("agent.json").toFile()).path("is_playbook").asBoolean()).isTrue();
        assertThat(json.readTree(outDir.resolve("agent.json").toFile()).path("playbook").path("name").asText()).isEqualTo("Restart the agent");
        assertThat(json.readTree(outDir.resolve("notes.json").toFile()).path("playbook").isNull()).isTrue();
        assertThat(json.readTree(outDir.resolve("latin1.json").toFile()).path("reasons").get(0).asText()).contains("not valid UTF-8");
        assertThat(stderr().lines()).singleElement().asString().contains("latin1.xhtml").contains("not valid UTF-8");
    }

    @Test
    void aConverterFailureOnOnePageIsItsOneLineReasonAndTheFolderGoesOn() throws Exception {
        Path in = Files.createDirectories(folder.resolve("in"));
        Path outDir = folder.resolve("out");
        Files.writeString(in.resolve("agent.xhtml"), RUNBOOK);
        Files.writeString(in.resolve("broken.xhtml"), RUNBOOK);
        PageConverter failingOnOnePage = new PageConverter() {
            @Override
            public Conversion convert(SourcePage page) {
                if (page.title().equals("broken")) {
                    throw new StringIndexOutOfBoundsException("start 26, end 25, length 28");
                }
                return super.convert(page);
            }
        };
        int exit = new ConvertCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), failingOnOnePage)
                .run(new String[] {"--format", "json", "--out", outDir.toString(), in.toString()});

        assertThat(exit).isEqualTo(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(outDir.resolve("agent.json").toFile()).path("is_playbook").asBoolean()).isTrue();
        assertThat(json.readTree(outDir.resolve("broken.json").toFile()).path("reasons").get(0).asText())
                .contains("the converter failed on this page").contains("StringIndexOutOfBoundsException");
        assertThat(stderr().lines()).singleElement().asString().contains("broken.xhtml").contains("the converter failed");
    }
}
