package io.playbooks.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/PUT /profile end to end: export, validated import used at once and kept over a restart, the learned threshold. */
class ProfileApiTest {

    private static final String API = "/api/v1/confluence";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Scores 0.60 with the built-in profile: ordered steps, commands, imperative verbs. */
    private static final String PROCEDURE = "<h2>Steps</h2><ol><li>Stop the agent: <code>sudo systemctl stop agent</code></li>"
            + "<li>Start the agent: <code>sudo systemctl start agent</code></li></ol>";
    /** Scores 0.35: ordered imperative steps without commands. */
    private static final String MANUAL = "<ol><li>Stop the agent.</li><li>Start the agent.</li></ol>";
    /** Scores 0.45: the same with prerequisites. */
    private static final String MANUAL_WITH_PREREQUISITES = "<h2>Prerequisites</h2><ul><li>root on the host</li></ul>"
            + "<h2>Restart</h2><ol><li>Stop the agent.</li><li>Start the agent.</li></ol>";

    @TempDir
    Path workDir;

    private FakeConfluence site;
    private RunningService service;
    private String name;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        name = "profile-" + test.getTestMethod().orElseThrow().getName();
        service = startService();
    }

    private RunningService startService() throws Exception {
        return ConnectorTestSupport.serviceFor(site, name, workDir, List.of("OPS"), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        site.close();
    }

    @Test
    void exportsTheBuiltInProfileWithTheMappingOfConfigJson() {
        JsonNode document = service.get(API + "/profile").json();

        assertThat(document.get("format").asText()).isEqualTo("confluence-playbooks/detection-profile");
        assertThat(document.get("format_version").asInt()).isEqualTo(1);
        assertThat(document.get("source").get("origin").asText()).isEqualTo("built-in");
        assertThat(document.get("learning").get("mode").asText()).isEqualTo("suggest");
        JsonNode profile = document.get("profile");
        assertThat(profile.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(profile.get("labels").get("procedure").get("runbook").asDouble()).isEqualTo(0.3);
        assertThat(profile.get("headings").get("not_a_procedure").get("participants").asDouble()).isEqualTo(-0.3);
        assertThat(profile.get("structure").get("commands_in_steps").asDouble()).isEqualTo(0.25);
        assertThat(profile.get("space_category_mapping").get("OPS").asText()).isEqualTo("operations");
        assertThat(document.get("learned").get("suggested_threshold").isNull()).isTrue();
    }

    @Test
    void anInvalidProfileIsRefusedWithTheFieldsNamedAndChangesNothing() {
        ObjectNode document = (ObjectNode) service.get(API + "/profile").json();
        ObjectNode profile = (ObjectNode) document.get("profile");
        profile.put("threshold", 2);
        ((ObjectNode) profile.get("labels").get("procedure")).put("Runbook", 0.3);
        ((ObjectNode) profile.get("structure")).remove("no_steps");

        Reply refused = service.put(API + "/profile", document.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText())
                .contains("$.profile.threshold").contains("Runbook").contains("no_steps");
        assertThat(service.get(API + "/profile").json().get("source").get("origin").asText()).isEqualTo("built-in");
        assertThat(service.put(API + "/profile", "{\"profile\": 1}").status()).isEqualTo(400);
    }

    @Test
    void anImportedProfileIsUsedAtOnceAndSurvivesARestart() throws Exception {
        String pageId = site.addPage("OPS", "Agent cache", List.of(), PROCEDURE).id;
        assertThat(preview(pageId).get("is_playbook").asBoolean()).isTrue();
        ObjectNode document = (ObjectNode) service.get(API + "/profile").json();
        ((ObjectNode) document.get("profile")).put("threshold", 0.75);
        ((ObjectNode) document.get("profile").get("space_category_mapping")).put("OPS", "ops-team");

        Reply imported = service.put(API + "/profile", document.toString());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("source").get("origin").asText()).isEqualTo("imported");
        assertThat(imported.json().get("source").get("imported_from").get("origin").asText()).isEqualTo("built-in");
        assertThat(preview(pageId).get("is_playbook").asBoolean()).isFalse();
        service.close();
        service = startService();
        JsonNode afterRestart = service.get(API + "/profile").json();
        assertThat(afterRestart.get("profile").get("threshold").asDouble()).isEqualTo(0.75);
        assertThat(afterRestart.get("source").get("origin").asText()).isEqualTo("imported");
        assertThat(preview(pageId).get("is_playbook").asBoolean()).isFalse();
    }

    @Test
    void pagesImportedByHandBelowTheThresholdSuggestALowerOneThatIsAppliedOnlyWhenAsked() {
        String manual = site.addPage("OPS", "Agent", List.of(), MANUAL).id;
        String withPrerequisites = site.addPage("OPS", "Agent host", List.of(), MANUAL_WITH_PREREQUISITES).id;
        String later = site.addPage("OPS", "Agent box", List.of(), MANUAL).id;
        assertThat(service.post(API + "/import", "{\"page_id\": \"" + manual + "\"}").status()).isEqualTo(422);

        assertThat(forceImport(manual).get("outcome").asText()).isEqualTo("created");
        JsonNode oneAdmitted = service.get(API + "/profile").json().get("learned");
        assertThat(oneAdmitted.get("suggested_threshold").isNull()).isTrue();
        assertThat(oneAdmitted.get("evidence")).hasSize(1);
        forceImport(withPrerequisites);

        ObjectNode document = (ObjectNode) service.get(API + "/profile").json();
        JsonNode learned = document.get("learned");
        assertThat(learned.get("suggested_threshold").asDouble()).isEqualTo(0.35);
        assertThat(learned.get("applied").asBoolean()).isFalse();
        assertThat(learned.get("threshold_in_force").asDouble()).isEqualTo(0.5);
        assertThat(learned.get("evidence")).extracting(e -> e.get("score").asDouble()).containsExactly(0.35, 0.45);
        assertThat(learned.get("explanation").asText()).contains("a threshold of 0.35 would have admitted them all");
        assertThat(preview(later).get("is_playbook").asBoolean()).isFalse();

        ((ObjectNode) document.get("learning")).put("mode", "apply");
        JsonNode applied = service.put(API + "/profile", document.toString()).json().get("learned");

        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(applied.get("threshold_in_force").asDouble()).isEqualTo(0.35);
        assertThat(preview(later).get("is_playbook").asBoolean()).isTrue();
    }

    private JsonNode forceImport(String pageId) {
        Reply reply = service.post(API + "/import", "{\"page_id\": \"" + pageId + "\", \"force_update\": true}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode preview(String pageId) {
        return service.get(API + "/preview/" + pageId).json().get("metadata");
    }
}
