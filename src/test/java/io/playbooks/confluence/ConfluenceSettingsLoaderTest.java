package io.playbooks.confluence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfluenceSettingsLoaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private ConfluenceSettings load(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new ConfluenceSettingsLoader(env::get).load(file);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        ConfluenceSettings s = new ConfluenceSettingsLoader(env::get).load(dir.resolve("absent.json"));

        assertThat(s).isEqualTo(ConfluenceSettings.defaults());
        assertThat(s.enabled()).isFalse();
        assertThat(s.isConfigured()).isFalse();
        assertThat(s.syncIntervalSeconds()).isEqualTo(3600);
        assertThat(s.autoImportNew()).isTrue();
        assertThat(s.autoUpdateExisting()).isTrue();
        assertThat(s.deployment()).isEmpty();
        assertThat(s.pageSize()).isEqualTo(250);
    }

    @Test
    void readsTheHaiveMindLayoutWithATokenPlaceholder() throws IOException {
        env.put("CONFLUENCE_API_TOKEN", "s3cret");
        ConfluenceSettings s = load("""
                {"server": {"port": 8899},
                 "connectors": {"confluence": {
                   "url": "https://acme.atlassian.net/wiki",
                   "credentials": {"username": "ops@acme.com", "token": "${CONFLUENCE_API_TOKEN}"},
                   "spaces": ["INFRA", "DEVOPS"],
                   "enabled": true,
                   "space_category_mapping": {"INFRA": "infrastructure", "DEVOPS": "devops"},
                   "sync_interval": 900, "max_age_hours": 48,
                   "auto_import_new": false, "auto_update_existing": true,
                   "deployment": "cloud", "site_time_zone": "Europe/Berlin",
                   "http": {"request_timeout_seconds": 20, "max_concurrency": 2, "max_attempts": 3, "page_size": 100}
                 }}}
                """);

        assertThat(s.isConfigured()).isTrue();
        assertThat(s.url()).isEqualTo("https://acme.atlassian.net/wiki");
        assertThat(s.username()).isEqualTo("ops@acme.com");
        assertThat(s.apiToken()).isEqualTo("s3cret");
        assertThat(s.usesBearerToken()).isFalse();
        assertThat(s.spaces()).containsExactly("INFRA", "DEVOPS");
        assertThat(s.categoryFor("INFRA")).isEqualTo("infrastructure");
        assertThat(s.categoryFor("OTHER")).isEqualTo("general");
        assertThat(s.syncIntervalSeconds()).isEqualTo(900);
        assertThat(s.maxAgeHours()).isEqualTo(48);
        assertThat(s.autoImportNew()).isFalse();
        assertThat(s.deployment()).contains(Deployment.CLOUD);
        assertThat(s.siteTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.maxConcurrency()).isEqualTo(2);
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.pageSize()).isEqualTo(100);
    }

    @Test
    void readsAFlatConfluenceObjectToo() throws IOException {
        ConfluenceSettings s = load("""
                {"confluence": {"enabled": false, "url": "https://wiki.acme.internal/confluence", "username": "",
                  "api_token": "pat", "spaces": [], "sync_interval": 3600}}
                """);

        assertThat(s.url()).isEqualTo("https://wiki.acme.internal/confluence");
        assertThat(s.apiToken()).isEqualTo("pat");
        assertThat(s.usesBearerToken()).isTrue();
    }

    @Test
    void theEnvironmentOverridesTheFileAndSettingTheUrlTurnsTheConnectorOn() throws IOException {
        env.put("CONFLUENCE_URL", "https://wiki.acme.internal/confluence/");
        env.put("CONFLUENCE_USERNAME", "");
        env.put("CONFLUENCE_API_TOKEN", "pat-123");
        env.put("CONFLUENCE_SPACES", " OPS, ,SRE ");
        env.put("CONFLUENCE_DEPLOYMENT", "datacenter");
        ConfluenceSettings s = load("""
                {"connectors": {"confluence": {"enabled": false, "url": "https://old", "spaces": ["X"],
                  "credentials": {"username": "kept@acme.com"}}}}
                """);

        assertThat(s.enabled()).isTrue();
        assertThat(s.url()).isEqualTo("https://wiki.acme.internal/confluence/");
        assertThat(s.username()).as("a blank variable does not erase the file").isEqualTo("kept@acme.com");
        assertThat(s.apiToken()).isEqualTo("pat-123");
        assertThat(s.spaces()).containsExactly("OPS", "SRE");
        assertThat(s.deployment()).contains(Deployment.DATA_CENTER);
    }

    @Test
    void theTokenNeverAppearsInToString() throws IOException {
        env.put("CONFLUENCE_API_TOKEN", "very-secret-token");
        ConfluenceSettings s = load("{\"connectors\": {\"confluence\": {\"url\": \"https://a.atlassian.net/wiki\"}}}");

        assertThat(s.toString()).doesNotContain("very-secret-token").contains("apiToken=****");
        assertThat(ConfluenceSettings.defaults().toString()).contains("apiToken=(none)");
    }

    @Test
    void invalidJsonNamesTheFileAndLine() {
        assertThatThrownBy(() -> load("{\n  \"connectors\": {,\n}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config.json is not valid JSON").hasMessageContaining("line 2");
    }

    @Test
    void wrongTypesNameTheKey() {
        assertThatThrownBy(() -> load("{\"connectors\": {\"confluence\": {\"sync_interval\": \"hourly\"}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sync_interval'")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> load("{\"connectors\": {\"confluence\": {\"spaces\": {\"a\": 1}}}}"))
                .hasMessageContaining("'spaces'");
        assertThatThrownBy(() -> load("{\"connectors\": {\"confluence\": {\"http\": {\"max_attempts\": 0}}}}"))
                .hasMessageContaining("max_attempts must be a positive number");
    }

    @Test
    void anUnknownDeploymentIsRejectedWithTheAllowedValues() {
        env.put("CONFLUENCE_DEPLOYMENT", "onprem");

        assertThatThrownBy(() -> load("{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'onprem'").hasMessageContaining("cloud, datacenter, auto");
    }

    @Test
    void deploymentSpellings() {
        assertThat(Deployment.parse("auto")).isEmpty();
        assertThat(Deployment.parse(" ")).isEmpty();
        assertThat(Deployment.parse("Cloud")).contains(Deployment.CLOUD);
        assertThat(Deployment.parse("data-center")).contains(Deployment.DATA_CENTER);
        assertThat(Deployment.parse("dc")).isEqualTo(Optional.of(Deployment.DATA_CENTER));
    }

    @Test
    void theRepositoryDefaultFileLoadsAsAnOffConnectorWithTheHaiveMindMapping() {
        ConfluenceSettings s = new ConfluenceSettingsLoader(env::get).load(Path.of("config", "config.json"));

        assertThat(s.enabled()).isFalse();
        assertThat(s.spaceCategoryMapping()).containsEntry("INFRA", "infrastructure");
        assertThat(s.apiToken()).isEmpty();
        assertThat(s.spaces()).isEqualTo(List.of());
    }
}
