package io.playbooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One service, two Confluence sites of config.json's {@code sites} list: a Cloud site with space OPS and a Data
 * Center site with space INFRA, each with its own credentials. Both fakes number their pages alike, so page ids
 * collide across the sites as they may in life.
 */
class SeveralSitesTest {

    private static final String API = "/api/v1/confluence";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNBOOK = "<h2>Steps</h2><ol><li>Stop it: <code>sudo systemctl stop %1$s</code></li>"
            + "<li>Start it: <code>sudo systemctl start %1$s</code></li></ol>";

    @TempDir
    Path workDir;

    private FakeConfluence cloud;
    private FakeConfluence dataCenter;
    private FakePage cloudPage;
    private FakePage dataCenterPage;
    private RunningService service;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        cloud = FakeConfluence.cloud().start().now(Instant.now());
        cloud.addSpace("OPS", "Operations");
        cloudPage = cloud.addPage("OPS", "Restart the shipment API", List.of("runbook"), RUNBOOK.formatted("shipment-api"));
        cloud.addPage("OPS", "Drain the order queue", List.of("runbook"), RUNBOOK.formatted("order-queue"));
        dataCenter = FakeConfluence.dataCenter("/confluence").start().now(Instant.now());
        dataCenter.addSpace("INFRA", "Infrastructure");
        dataCenterPage = dataCenter.addPage("INFRA", "Rotate the vault token", List.of("runbook"), RUNBOOK.formatted("vault"));
        Map<String, Object> http = Map.of("request_timeout_seconds", 5, "max_attempts", 2, "max_backoff_seconds", 1);
        Map<String, Object> config = Map.of("connectors", Map.of("confluence", Map.of(
                "enabled", true,
                "http", http,
                "space_category_mapping", Map.of("OPS", "operations"),
                "sites", List.of(
                        Map.of("name", "cloud", "url", cloud.baseUrl(), "spaces", List.of("OPS"),
                                "credentials", Map.of("username", FakeConfluence.CLOUD_USER, "token", FakeConfluence.CLOUD_TOKEN)),
                        Map.of("name", "dc", "url", dataCenter.baseUrl(), "spaces", List.of("INFRA"),
                                "credentials", Map.of("token", FakeConfluence.DC_TOKEN),
                                "space_category_mapping", Map.of("INFRA", "infrastructure"))))));
        Path file = workDir.resolve("config.json");
        Files.createDirectories(workDir);
        JSON.writeValue(file.toFile(), config);
        service = RunningService.start("sites-" + test.getTestMethod().orElseThrow().getName(), workDir,
                Map.of("playbooks.config.file", file.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        cloud.close();
        dataCenter.close();
    }

    @Test
    void aSyncImportsTheSpacesOfBothSitesEachWithItsOwnCredentials() {
        assertThat(cloudPage.id).as("page ids collide across the sites").isEqualTo(dataCenterPage.id);

        JsonNode sync = service.post(API + "/sync", "{}").json();

        assertThat(sync.get("new_playbooks").asInt()).isEqualTo(3);
        assertThat(sync.get("failed_updates").asInt()).isZero();
        JsonNode playbooks = service.get(API + "/playbooks").json().get("playbooks");
        assertThat(playbooks.findValuesAsText("confluence_space")).containsExactlyInAnyOrder("OPS", "OPS", "INFRA");
        assertThat(playbooks.findValuesAsText("category")).contains("operations", "infrastructure");
        JsonNode status = service.get(API + "/status").json();
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("spaces_configured")).extracting(JsonNode::asText).containsExactly("OPS", "INFRA");
        assertThat(status.get("sites")).extracting(s -> s.get("name").asText()).containsExactly("cloud", "dc");
        assertThat(status.get("sites")).allSatisfy(s -> {
            assertThat(s.get("connected").asBoolean()).isTrue();
            assertThat(s.get("api_token_set").asBoolean()).isTrue();
        });
        JsonNode spaces = service.get(API + "/spaces").json().get("space_details");
        assertThat(spaces).extracting(s -> s.get("site").asText() + ":" + s.get("space_key").asText() + ":"
                + s.get("name").asText()).containsExactly("cloud:OPS:Operations", "dc:INFRA:Infrastructure");
        assertThat(status.toString() + spaces).doesNotContain(FakeConfluence.CLOUD_TOKEN)
                .doesNotContain(FakeConfluence.DC_TOKEN);
    }

    @Test
    void aSiteThatIsDownDoesNotStopTheOther() {
        dataCenter.failNext("", 1000, 503, Map.of());

        JsonNode sync = service.post(API + "/sync", "{}").json();

        assertThat(sync.get("new_playbooks").asInt()).isEqualTo(2);
        assertThat(sync.get("completed").asBoolean()).isTrue();
        assertThat(sync.get("errors").toString()).contains("space INFRA");
        JsonNode status = service.get(API + "/status").json();
        assertThat(status.get("connected").asBoolean()).isFalse();
        assertThat(status.get("connection_error").asText()).startsWith("site dc: ");
        assertThat(status.get("sites").get(0).get("connected").asBoolean()).isTrue();
        assertThat(status.toString()).doesNotContain(FakeConfluence.DC_TOKEN).doesNotContain(FakeConfluence.CLOUD_TOKEN);

        dataCenter.resetFaults();
        JsonNode again = service.post(API + "/sync", "{}").json();
        assertThat(again.get("new_playbooks").asInt()).as("the failed site's watermark stayed").isEqualTo(1);
    }

    @Test
    void importAndPreviewFindTheSiteOrAreToldIt() {
        Reply ambiguous = service.post(API + "/import", "{\"page_id\": \"" + cloudPage.id + "\"}");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("error").asText()).contains("exists on the sites cloud and dc");

        JsonNode imported = service.post(API + "/import", "{\"page_id\": \"" + dataCenterPage.id + "\", \"site\": \"dc\"}").json();
        assertThat(imported.get("title").asText()).isEqualTo("Rotate the vault token");
        assertThat(imported.get("category").asText()).isEqualTo("infrastructure");
        JsonNode preview = service.get(API + "/preview/" + cloudPage.id + "?site=cloud").json();
        assertThat(preview.get("page_info").get("title").asText()).isEqualTo("Restart the shipment API");
        String onlyOnCloud = cloud.addPage("OPS", "Flush the CDN", List.of("runbook"), RUNBOOK.formatted("cdn")).id;
        assertThat(service.post(API + "/import", "{\"page_id\": \"" + onlyOnCloud + "\"}").json().get("title").asText())
                .isEqualTo("Flush the CDN");
        assertThat(service.post(API + "/import", "{\"page_id\": \"1\", \"site\": \"nowhere\"}").json().get("error")
                .asText()).contains("no Confluence site is named 'nowhere'");

        JsonNode bulk = service.post(API + "/bulk-import", "{\"space_key\": \"INFRA\"}").json();
        assertThat(bulk.get("discovered_pages").asInt()).isEqualTo(1);
        JsonNode discovered = service.get(API + "/discover").json();
        assertThat(discovered.get("pages").findValuesAsText("space_key")).contains("OPS", "INFRA");
    }
}
