package io.playbooks.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflinePageLoaderTest {

    private final OfflinePageLoader loader = new OfflinePageLoader();

    @Test
    void aPageWithoutMetadataGoesToTheOfflineSpaceDatedByItsFile(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("restart-api.xhtml"), "<p>x</p>");
        Files.setLastModifiedTime(page, FileTime.from(Instant.parse("2026-02-01T09:30:00Z")));

        SourcePage loaded = loader.load(page);

        assertThat(loaded.spaceKey()).isEqualTo(OfflinePageLoader.DEFAULT_SPACE);
        assertThat(loaded.id()).isEqualTo("restart-api");
        assertThat(loaded.lastModified()).isEqualTo(Instant.parse("2026-02-01T09:30:00Z"));
    }

    @Test
    void theSpaceOfTheMetadataIsKept(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("restart-api.xhtml"), "<p>x</p>");
        Files.writeString(dir.resolve("restart-api.meta.json"), "{\"space\": \"OPS\", \"id\": \"4242\", \"version\": 3}");

        SourcePage loaded = loader.load(page);

        assertThat(loaded.spaceKey()).isEqualTo("OPS");
        assertThat(loaded.id()).isEqualTo("4242");
        assertThat(loaded.version()).isEqualTo(3);
    }

    @Test
    void theFingerprintChangesWhenThePageOrItsMetadataIsEdited(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("restart-api.xhtml"), "<p>x</p>");
        Files.setLastModifiedTime(page, FileTime.fromMillis(1_000_000));
        String alone = loader.fingerprint(page.toFile());
        Path meta = Files.writeString(dir.resolve("restart-api.meta.json"), "{}");
        Files.setLastModifiedTime(meta, FileTime.fromMillis(2_000_000));
        String withMeta = loader.fingerprint(page.toFile());
        Files.setLastModifiedTime(meta, FileTime.fromMillis(3_000_000));
        String metaEdited = loader.fingerprint(page.toFile());
        Files.setLastModifiedTime(page, FileTime.fromMillis(4_000_000));
        String pageEdited = loader.fingerprint(page.toFile());

        assertThat(alone).isEqualTo("restart-api.xhtml@1000000");
        assertThat(List.of(alone, withMeta, metaEdited, pageEdited)).doesNotHaveDuplicates();
        assertThat(loader.fingerprint(page.toFile())).isEqualTo(pageEdited);
    }

    @Test
    void badMetadataIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("restart-api.xhtml"), "<p>x</p>");
        Files.writeString(dir.resolve("restart-api.meta.json"), "{\"space\": ");

        assertThatThrownBy(() -> loader.load(page)).isInstanceOf(UnreadablePageException.class)
                .hasMessageContaining("restart-api.meta.json");
    }
}
