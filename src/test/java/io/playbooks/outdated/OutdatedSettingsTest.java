package io.playbooks.outdated;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outdated section of config.json: defaults, values, and clear errors for wrong ones. */
class OutdatedSettingsTest {

    @TempDir
    Path dir;

    private Path config(String outdated) throws IOException {
        return Files.writeString(dir.resolve("config.json"),
                "{\"connectors\": {\"confluence\": {\"enabled\": false" + outdated + "}}}");
    }

    @Test
    void withoutTheSectionOrTheFileTheDefaultsHold() throws IOException {
        assertThat(OutdatedSettings.load(config(""))).isEqualTo(new OutdatedSettings(180, true));
        assertThat(OutdatedSettings.load(dir.resolve("none.json"))).isEqualTo(OutdatedSettings.defaults());
    }

    @Test
    void theSectionSetsStalenessAndTheLinkCheck() throws IOException {
        assertThat(OutdatedSettings.load(config(", \"outdated\": {\"stale_after_days\": 0, \"dead_links\": false}")))
                .isEqualTo(new OutdatedSettings(0, false));
    }

    @Test
    void wrongValuesAreNamedWithTheFile() throws IOException {
        Path negative = config(", \"outdated\": {\"stale_after_days\": -1}");
        assertThatThrownBy(() -> OutdatedSettings.load(negative)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(negative.toString()).hasMessageContaining("stale_after_days must be 0 (off) or more");
        Path text = config(", \"outdated\": {\"stale_after_days\": \"soon\"}");
        assertThatThrownBy(() -> OutdatedSettings.load(text)).hasMessageContaining("whole number of days");
        Path links = config(", \"outdated\": {\"dead_links\": \"yes\"}");
        assertThatThrownBy(() -> OutdatedSettings.load(links)).hasMessageContaining("dead_links must be true or false");
        Path notAnObject = config(", \"outdated\": 30");
        assertThatThrownBy(() -> OutdatedSettings.load(notAnObject)).hasMessageContaining("outdated must be an object");
    }
}
