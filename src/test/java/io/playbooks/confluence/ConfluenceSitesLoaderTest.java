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

/** config.json's {@code sites} list: each site its own address, credentials and spaces; shared keys inherited. */
class ConfluenceSitesLoaderTest {

    private static final String TWO_SITES = """
            {"connectors": {"confluence": {
              "enabled": true,
              "sync_interval": 900,
              "space_category_mapping": {"OPS": "operations"},
              "http": {"max_attempts": 3, "page_size": 100},
              "sites": [
                {"name": "cloud", "url": "https://acme.atlassian.net/wiki", "deployment": "cloud",
                 "credentials": {"username": "ops@acme.com", "token": "${CLOUD_TOKEN}"}, "spaces": ["OPS"]},
                {"name": "dc", "url": "https://wiki.acme.internal", "deployment": "datacenter",
                 "credentials": {"token": "dc-pat"}, "spaces": ["INFRA"],
                 "space_category_mapping": {"INFRA": "infrastructure"}, "http": {"max_concurrency": 2}}
              ]
            }}}""";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private ConfluenceSites load(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new ConfluenceSettingsLoader(env::get).loadSites(file);
    }

    @Test
    void eachSiteHasItsOwnAddressCredentialsAndSpacesAndTheSharedKeys() throws IOException {
        env.put("CLOUD_TOKEN", "cloud-secret");

        List<ConfluenceSettings> sites = load(TWO_SITES).sites();

        assertThat(sites).extracting(ConfluenceSettings::name).containsExactly("cloud", "dc");
        ConfluenceSettings cloud = sites.get(0);
        ConfluenceSettings dc = sites.get(1);
        assertThat(cloud.apiToken()).isEqualTo("cloud-secret");
        assertThat(cloud.usesBearerToken()).isFalse();
        assertThat(dc.apiToken()).isEqualTo("dc-pat");
        assertThat(dc.usesBearerToken()).isTrue();
        assertThat(dc.deployment()).contains(Deployment.DATA_CENTER);
        assertThat(dc.spaces()).containsExactly("INFRA");
        assertThat(dc.enabled()).isTrue();
        assertThat(dc.syncIntervalSeconds()).isEqualTo(900);
        assertThat(dc.maxAttempts()).isEqualTo(3);
        assertThat(dc.maxConcurrency()).isEqualTo(2);
        assertThat(cloud.maxConcurrency()).isEqualTo(4);
        assertThat(dc.categoryFor("INFRA")).isEqualTo("infrastructure");
        assertThat(dc.categoryFor("OPS")).isEqualTo("operations");
        assertThat(load(TWO_SITES).spaceCategoryMapping()).containsEntry("OPS", "operations")
                .containsEntry("INFRA", "infrastructure");
    }

    @Test
    void theSingleSiteFormIsTheSiteNamedDefaultAndComesFirst() throws IOException {
        ConfluenceSites sites = load("""
                {"connectors": {"confluence": {"enabled": true, "url": "https://one.atlassian.net/wiki",
                  "credentials": {"username": "a@b.c", "token": "t1"}, "spaces": ["OPS"],
                  "sites": [{"name": "dc", "url": "https://wiki.internal", "credentials": {"token": "t2"},
                             "spaces": ["INFRA"]}]}}}""");

        assertThat(sites.sites()).extracting(ConfluenceSettings::name).containsExactly("default", "dc");
        assertThat(sites.sites().get(1).username()).isEmpty();
        assertThat(sites.sites().get(1).apiToken()).isEqualTo("t2");
    }

    @Test
    void theEnvironmentOverridesTheFirstSiteOnly() throws IOException {
        env.put("CONFLUENCE_URL", "https://other.atlassian.net/wiki");
        env.put("CONFLUENCE_SPACES", "WEB");

        List<ConfluenceSettings> sites = load(TWO_SITES).sites();

        assertThat(sites.get(0).url()).isEqualTo("https://other.atlassian.net/wiki");
        assertThat(sites.get(0).spaces()).containsExactly("WEB");
        assertThat(sites.get(1).url()).isEqualTo("https://wiki.acme.internal");
        assertThat(sites.get(1).spaces()).containsExactly("INFRA");
    }

    @Test
    void aSpaceOnTwoSitesIsRefusedWithBothSitesNamed() {
        assertThatThrownBy(() -> load(TWO_SITES.replace("\"spaces\": [\"INFRA\"]", "\"spaces\": [\"INFRA\", \"OPS\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space OPS is listed by site 'cloud' and by site 'dc'")
                .hasMessageContaining("config.json");
        env.put("CONFLUENCE_SPACES", "INFRA");
        assertThatThrownBy(() -> load(TWO_SITES)).hasMessageContaining("space INFRA is listed by site 'cloud' and by site 'dc'")
                .hasMessageContaining("environment");
    }

    @Test
    void badSitesAreNamed() {
        assertThatThrownBy(() -> load("{\"confluence\": {\"sites\": {\"name\": \"x\"}}}"))
                .hasMessageContaining("'sites' must be a list of sites");
        assertThatThrownBy(() -> load("{\"confluence\": {\"sites\": [{\"url\": \"https://x\"}]}}"))
                .hasMessageContaining("'sites[0].name' is required");
        assertThatThrownBy(() -> load("{\"confluence\": {\"sites\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}}"))
                .hasMessageContaining("two sites are named 'a'");
        assertThatThrownBy(() -> load("{\"confluence\": {\"sites\": [{\"name\": \"b\", \"http\": {\"max_attempts\": \"x\"}}]}}"))
                .hasMessageContaining("sites[0] (b): 'max_attempts' must be a whole number");
    }

    @Test
    void theTokenOfOneSiteIsNeverLentToAnother() throws IOException {
        ConfluenceSites sites = load("""
                {"confluence": {"credentials": {"username": "u", "token": "shared-looking"},
                  "sites": [{"name": "a", "url": "https://a.example"}]}}""");

        assertThat(sites.sites()).hasSize(1);
        assertThat(sites.first().apiToken()).isEmpty();
        assertThat(sites.first().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sites.first().deployment()).isEqualTo(Optional.empty());
    }
}
