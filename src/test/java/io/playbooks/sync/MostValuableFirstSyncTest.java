package io.playbooks.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.FakePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync imports the pages it found changed in the order of their playbooks' value, most valuable first; new
 * pages (no value yet) in the order of their space's value. Checked on the order in which the sync fetched the
 * page bodies from a fake Confluence.
 */
class MostValuableFirstSyncTest {

    private static final String API = "/api/v1/confluence";

    private FakeConfluence site;
    private RunningService service;

    @BeforeEach
    void start(@TempDir Path workDir) throws Exception {
        site = FakeConfluence.cloud().start();
        site.addSpace("DOCS", "Documentation");
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        site.addGeneratedPages("DOCS", 2);
        site.addAuthoredPages("OPS");
        service = ConnectorTestSupport.serviceFor(site, "valuable-first", workDir, List.of("DOCS", "OPS"),
                Map.of("playbooks.value.check-ms", "0"));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        site.close();
    }

    @Test
    void changedPagesAreImportedMostValuableFirstAndNewPagesByTheValueOfTheirSpace() {
        JsonNode first = service.post(API + "/sync", "{\"max_age_hours\": 1}").json();
        assertThat(first.get("failed_updates").asInt()).isZero();
        List<JsonNode> ops = new ArrayList<>();
        service.get(API + "/playbooks").json().get("playbooks").forEach(p -> {
            if (p.get("confluence_space").asText().equals("OPS") && ops.size() < 4) {
                ops.add(p);
            }
        });
        // planned in page order; the reports make the last pages the most valuable
        report(ops.get(3), "success", 3);
        report(ops.get(2), "success", 1);
        report(ops.get(1), "failure", 1);
        site.now(Instant.now());
        List<String> changed = new ArrayList<>();
        for (JsonNode playbook : ops) {
            FakePage page = site.page(playbook.get("confluence_page_id").asText());
            site.editPage(page.id, page.body() + "<p>Reviewed.</p>");
            changed.add(page.id);
        }
        FakePage newDocs = site.addPage("DOCS", "Rotate the docs search index", List.of("runbook"), site.page(changed.get(0)).body());
        FakePage newOps = site.addPage("OPS", "Restart the billing worker", List.of("runbook"), site.page(changed.get(1)).body());
        Map<String, Double> pageValues = new HashMap<>();
        for (JsonNode playbook : ops) {
            pageValues.put(playbook.get("confluence_page_id").asText(),
                    service.get(API + "/playbooks/" + playbook.get("playbook_id").asLong() + "/value").json().get("value").asDouble());
        }
        double docsValue = service.get(API + "/spaces/DOCS/value").json().get("value").asDouble();
        double opsValue = service.get(API + "/spaces/OPS/value").json().get("value").asDouble();
        site.resetRequests();

        JsonNode sync = service.post(API + "/sync", "{}").json();

        List<String> expected = new ArrayList<>(changed);
        expected.sort(Comparator.comparingDouble((String id) -> pageValues.get(id)).reversed());
        assertThat(expected).as("the values reorder the planned pages").isNotEqualTo(changed);
        expected.addAll(opsValue > docsValue ? List.of(newOps.id, newDocs.id) : List.of(newDocs.id, newOps.id));
        assertThat(opsValue).isNotEqualTo(docsValue);
        assertThat(sync.get("failed_updates").asInt()).isZero();
        assertThat(pageFetches()).isEqualTo(expected);
    }

    private void report(JsonNode playbook, String outcome, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(service.post(API + "/playbooks/" + playbook.get("playbook_id").asLong() + "/executions",
                    "{\"outcome\": \"" + outcome + "\", \"duration_ms\": 1000}").status()).isEqualTo(201);
        }
    }

    /** The pages whose body the sync fetched, in the order it fetched them. */
    private List<String> pageFetches() {
        List<String> ids = new ArrayList<>();
        for (String url : site.requestedUrls()) {
            if (url.startsWith("/wiki/api/v2/pages/") && url.contains("body-format=storage")) {
                ids.add(url.substring("/wiki/api/v2/pages/".length(), url.indexOf('?')));
            }
        }
        return ids;
    }
}
