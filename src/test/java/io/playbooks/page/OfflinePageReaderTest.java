package io.playbooks.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflinePageReaderTest {

    @TempDir
    Path folder;

    private final OfflinePageReader reader = new OfflinePageReader();

    @Test
    void readsBodyAndMetadata() throws Exception {
        Files.writeString(folder.resolve("deploy-app.xhtml"), "<p>caf\u00e9</p>");
        Files.writeString(folder.resolve("deploy-app.meta.json"),
                "{\"title\":\"Deploy App\",\"space\":\"INFRA\",\"labels\":[\"Runbook\",\"deploy\"],\"id\":123,\"version\":4}");
        SourcePage page = reader.read(folder.resolve("deploy-app.xhtml"));
        assertThat(page.title()).isEqualTo("Deploy App");
        assertThat(page.spaceKey()).isEqualTo("INFRA");
        assertThat(page.labels()).containsExactly("runbook", "deploy");
        assertThat(page.id()).isEqualTo("123");
        assertThat(page.version()).isEqualTo(4);
        assertThat(page.storageBody()).isEqualTo("<p>caf\u00e9</p>");
    }

    @Test
    void withoutMetaTheTitleAndIdComeFromTheFileName() throws Exception {
        Files.write(folder.resolve("restart_the-agent.xhtml"), ("\uFEFF<p>x</p>").getBytes(StandardCharsets.UTF_8));
        SourcePage page = reader.read(folder.resolve("restart_the-agent.xhtml"));
        assertThat(page.title()).isEqualTo("restart the agent");
        assertThat(page.id()).isEqualTo("restart_the-agent");
        assertThat(page.version()).isEqualTo(1);
        assertThat(page.storageBody()).isEqualTo("<p>x</p>");
    }

    @Test
    void nonUtf8BytesAreAClearErrorWithTheOffset() throws Exception {
        Path file = folder.resolve("latin1.xhtml");
        Files.write(file, "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadablePageException.class)
                .hasMessageContaining("latin1.xhtml").hasMessageContaining("not valid UTF-8").hasMessageContaining("offset 6");
    }

    @Test
    void badMetaAndMissingFilesAreClearErrors() throws Exception {
        Files.writeString(folder.resolve("a.xhtml"), "<p/>");
        Files.writeString(folder.resolve("a.meta.json"), "{\"title\": ");
        assertThatThrownBy(() -> reader.read(folder.resolve("a.xhtml"))).hasMessageContaining("a.meta.json: not valid JSON");
        assertThatThrownBy(() -> reader.read(folder.resolve("missing.xhtml"))).hasMessageContaining("missing.xhtml: cannot read");
    }

    @Test
    void pageFilesAreTheSortedXhtmlFiles() throws Exception {
        Files.writeString(folder.resolve("b.xhtml"), "");
        Files.writeString(folder.resolve("a.xhtml"), "");
        Files.writeString(folder.resolve("a.meta.json"), "{}");
        assertThat(reader.pageFiles(folder)).extracting(p -> p.getFileName().toString()).containsExactly("a.xhtml", "b.xhtml");
    }
}
