package io.playbooks.learning;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.RunningService.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.playbooks.learning.LearningFixtures.uses;
import static org.assertj.core.api.Assertions.assertThat;

/** Use recording, execution reports and value scores through the real service over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningApiTest {

    private static final String API = "/api/v1/confluence";

    private RunningService service;
    private long restart;
    private long certificate;
    private long purge;
    private long scale;
    private long failover;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        service = RunningService.start("learning-api", workDir, Map.of("playbooks.value.check-ms", "0"));
        restart = LearningFixtures.store(service, "restart-shipment-api");
        certificate = LearningFixtures.store(service, "renew-edge-proxy-certificate");
        purge = LearningFixtures.store(service, "purge-cdn-cache");
        scale = LearningFixtures.store(service, "scale-rate-engine-workers");
        failover = LearningFixtures.store(service, "failover-orders-database");
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void everyReadOfAPlaybookIsRecordedWithItsChannel() throws Exception {
        assertThat(service.get(API + "/playbooks/" + restart).status()).isEqualTo(200);
        assertThat(service.get(API + "/playbooks/" + restart + "/document").status()).isEqualTo(200);
        assertThat(service.get(API + "/pages/720001/playbook").status()).isEqualTo(200);
        assertThat(LearningFixtures.get(service, API + "/playbooks/restart-the-shipment-api", "X-Playbooks-Client", "dashboard"))
                .isEqualTo(200);
        // a client cannot pass itself off as MCP: the REST entry sets the channel
        assertThat(LearningFixtures.get(service, API + "/playbooks/" + restart, UsageChannel.HEADER, "mcp")).isEqualTo(200);

        assertThat(uses(service, restart)).containsExactly("fetched/api", "fetched/api", "fetched/api", "fetched/dashboard",
                "fetched/api");
    }

    @Test
    void aReadFromASearchHitIsRecordedAsAnOpenedSearchHit() throws Exception {
        assertThat(service.get(API + "/playbooks/" + certificate + "?from=search").status()).isEqualTo(200);
        assertThat(service.get(API + "/playbooks/" + certificate + "/document?from=search").status()).isEqualTo(200);

        assertThat(uses(service, certificate)).containsExactly("search_opened/api", "search_opened/api");
    }

    @Test
    void anUnknownFromIsRefusedAndNothingOfAMissingPlaybookIsRecorded() throws Exception {
        Reply bad = service.get(API + "/playbooks/" + scale + "?from=newsletter");
        Reply missing = service.get(API + "/playbooks/no-such-playbook");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo(
                "from can only be 'search' (the read opens a search hit), not 'newsletter'");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(uses(service, scale)).isEmpty();
    }

    @Test
    void aReportedRunIsStoredAnsweredWith201AndListedNewestFirst() throws Exception {
        Reply first = service.post(API + "/playbooks/" + purge + "/executions",
                "{\"outcome\": \"failure\", \"duration_ms\": 1200, \"notes\": \"step 2: 403 from the CDN API\"}");
        Reply second = service.post(API + "/playbooks/how-to-purge-the-cdn-cache-of-the-portal/executions",
                "{\"outcome\": \"success\", \"duration_ms\": 45000}");
        JsonNode list = service.get(API + "/playbooks/" + purge + "/executions").json();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode stored = first.json();
        assertThat(stored.get("execution_id").asLong()).isPositive();
        assertThat(stored.get("playbook_id").asLong()).isEqualTo(purge);
        assertThat(stored.get("outcome").asText()).isEqualTo("failure");
        assertThat(stored.get("duration_ms").asLong()).isEqualTo(1200);
        assertThat(stored.get("notes").asText()).isEqualTo("step 2: 403 from the CDN API");
        assertThat(stored.get("channel").asText()).isEqualTo("api");
        assertThat(stored.get("reported_at").asText()).endsWith("Z");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().has("notes")).isFalse();
        assertThat(list.get("total_executions").asInt()).isEqualTo(2);
        assertThat(list.get("slug").asText()).isEqualTo("how-to-purge-the-cdn-cache-of-the-portal");
        assertThat(list.get("executions")).extracting(e -> e.get("outcome").asText()).containsExactly("success", "failure");
        assertThat(uses(service, purge)).containsExactly("executed/api", "executed/api");
    }

    @Test
    void aBadReportIsRefusedNamingTheFieldAndAnUnknownPlaybookIs404() {
        String path = API + "/playbooks/" + scale + "/executions";
        List<String> errors = new ArrayList<>();
        for (String body : List.of("{\"duration_ms\": 10}", "{\"outcome\": \"won\", \"duration_ms\": 10}",
                "{\"outcome\": \"success\"}", "{\"outcome\": \"success\", \"duration_ms\": -5}",
                "{\"outcome\": \"success\", \"duration_ms\": \"long\"}",
                "{\"outcome\": \"success\", \"duration_ms\": 1, \"notes\": \"" + "n".repeat(4001) + "\"}")) {
            Reply reply = service.post(path, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            errors.add(reply.json().get("error").asText());
        }
        Reply unknown = service.post(API + "/playbooks/no-such-playbook/executions", "{\"outcome\": \"success\", \"duration_ms\": 1}");
        Reply notJson = service.post(path, "{\"outcome\": ");

        assertThat(errors).containsExactly("outcome is required: one of success, partial, aborted, failure",
                "outcome must be one of success, partial, aborted, failure, not 'won'",
                "duration_ms is required: how long the run took, in milliseconds",
                "duration_ms must be 0 or more milliseconds, not -5",
                "duration_ms must be a whole number of milliseconds, not \"long\"",
                "notes must be at most 4000 characters, not 4001");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no-such-playbook");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(service.get(API + "/playbooks/" + scale + "/executions").json().get("total_executions").asInt()).isZero();
    }

    @Test
    void theValueOfAPlaybookShowsEachComponentWithWeightFiguresAndWhyAndFollowsReports() {
        JsonNode before = service.get(API + "/playbooks/" + restart + "/value").json();
        for (int run = 0; run < 3; run++) {
            service.post(API + "/playbooks/" + restart + "/executions", "{\"outcome\": \"success\", \"duration_ms\": 30000}");
        }
        Reply after = service.get(API + "/playbooks/restart-the-shipment-api/value");

        assertThat(after.status()).isEqualTo(200);
        JsonNode value = after.json();
        assertThat(value.get("playbook_id").asLong()).isEqualTo(restart);
        assertThat(value.get("value").asDouble()).isGreaterThan(before.get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(value.get("components")).extracting(c -> c.get("name").asText())
                .containsExactly("use", "outcomes", "freshness", "quality");
        assertThat(value.get("components")).extracting(c -> c.get("weight").asDouble()).containsExactly(0.35, 0.25, 0.15, 0.25);
        JsonNode outcomes = value.get("components").get(1);
        assertThat(outcomes.get("figures").get("success").asInt()).isEqualTo(3);
        assertThat(outcomes.get("score").asDouble()).isEqualTo(5.0 / 7, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(outcomes.get("why").asText()).startsWith("3 of 3 reported runs succeeded");
        JsonNode quality = value.get("components").get(3);
        assertThat(quality.get("figures").get("steps").asInt()).isPositive();
        assertThat(quality.get("figures").get("detection_score").asDouble()).isPositive();
        assertThat(value.get("why").asText()).startsWith("scores " + String.format(java.util.Locale.ROOT, "%.2f",
                value.get("value").asDouble()) + " = ");
    }

    @Test
    void theValueOfASpaceIsTheMeanOfItsPlaybooksWithItsMostValuable() {
        Reply platform = service.get(API + "/spaces/PLATFORM/value");
        Reply unknown = service.get(API + "/spaces/NOPE/value");
        double purgeValue = service.get(API + "/playbooks/" + purge + "/value").json().get("value").asDouble();
        double scaleValue = service.get(API + "/playbooks/" + scale + "/value").json().get("value").asDouble();

        assertThat(platform.status()).isEqualTo(200);
        JsonNode space = platform.json();
        assertThat(space.get("playbooks").asInt()).isEqualTo(2);
        assertThat(space.get("value").asDouble()).isEqualTo((purgeValue + scaleValue) / 2, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(space.get("most_valuable")).hasSize(2);
        assertThat(space.get("why").asText()).startsWith("mean value ").contains("of 2 playbooks (0 outdated)");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("NOPE");
    }

    @Test
    void aReadAnswersEvenWhenItsUseCannotBeRecorded() throws Exception {
        // the database refuses every use of this one playbook, as a full disk or a lost connection would
        LearningFixtures.execute(service, "ALTER TABLE playbook_usage ADD CONSTRAINT ck_no_use_of_failover CHECK (playbook_id <> "
                + failover + ")");

        Reply detail = service.get(API + "/playbooks/" + failover + "?from=search");
        Reply document = service.get(API + "/playbooks/" + failover + "/document");

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("playbook_id").asLong()).isEqualTo(failover);
        assertThat(document.status()).isEqualTo(200);
        assertThat(uses(service, failover)).isEmpty();
        assertThat(service.get(API + "/playbooks/" + failover + "/value").status()).isEqualTo(200);
    }

    @Test
    void valueAndExecutionListsAreNotUses() throws Exception {
        long before = uses(service, scale).size();

        service.get(API + "/playbooks/" + scale + "/value");
        service.get(API + "/playbooks/" + scale + "/executions");

        assertThat(uses(service, scale)).hasSize((int) before);
    }
}
