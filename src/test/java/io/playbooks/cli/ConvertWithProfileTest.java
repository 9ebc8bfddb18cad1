package io.playbooks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playbooks.conversion.DetectionProfile;
import io.playbooks.profile.ProfileDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code convert --profile FILE}: the profile's weights, threshold and mapping decide; a bad file is exit 2. */
class ConvertWithProfileTest {

    /** Scores 0.60 with the built-in profile. */
    private static final String RUNBOOK = "<h2>Steps</h2><ol><li>Stop the agent: <code>sudo systemctl stop agent</code></li>"
            + "<li>Start the agent: <code>sudo systemctl start agent</code></li></ol>";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ConvertCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private Path profile(double threshold, Map<String, String> mapping) throws Exception {
        ProfileDocument document = new ProfileDocument(ProfileDocument.FORMAT, ProfileDocument.FORMAT_VERSION, null,
                null, DetectionProfile.builtIn(mapping).withThreshold(threshold), null);
        Path file = folder.resolve("profile.json");
        JSON.writeValue(file.toFile(), document);
        return file;
    }

    @Test
    void theThresholdAndMappingOfTheProfileDecide() throws Exception {
        Path page = Files.writeString(folder.resolve("agent.xhtml"), RUNBOOK);

        assertThat(run("--space", "OPS", "--profile", profile(0.5, Map.of("OPS", "operations")).toString(),
                page.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("category: \"operations\"");
        assertThat(run("--profile", profile(0.75, Map.of()).toString(), page.toString())).isEqualTo(3);
        assertThat(run(page.toString())).isZero();
    }

    @Test
    void anInvalidProfileIsExitTwoWithTheFieldNamed() throws Exception {
        Path page = Files.writeString(folder.resolve("agent.xhtml"), RUNBOOK);
        Path file = profile(0.5, Map.of());
        ObjectNode document = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) document.get("profile").get("structure")).put("no_steps", "much");
        JSON.writeValue(file.toFile(), document);

        assertThat(run("--profile", file.toString(), page.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("convert: --profile " + file)
                .contains("$.profile.structure.no_steps");
        assertThat(run("--profile", folder.resolve("missing.json").toString(), page.toString())).isEqualTo(2);
    }
}
