package io.playbooks.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import io.playbooks.search.SearchFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON counting of {@link StepMixBackfill} (the migration itself: {@link SchemaUpgradeContract}). */
class StepMixBackfillTest {

    private final StepMixBackfill backfill = new StepMixBackfill();

    @Test
    void stepsWithACommandOrUrlAreConcreteSubstepsIncludedRollbackNot() {
        String json = """
                {"steps": [
                  {"action": "shell", "args": {"command": "systemctl restart api"}},
                  {"action": "http_request", "args": {"url": "https://api/health", "method": "GET"}},
                  {"action": "noop", "args": {"message": "check the graphs"}, "substeps": [
                    {"action": "shell", "args": {"command": "  "}},
                    {"action": "http_request", "args": {"method": "GET"}},
                    {"action": "noop", "args": {"message": "wait"}}]}],
                 "rollback": [{"action": "shell", "args": {"command": "git revert"}}]}
                """;

        assertThat(backfill.ofJson(json)).isEqualTo(new StepMix(6, 2, 2));
    }

    @Test
    void anAbsentOrUnreadablePlaybookHasNoSteps() {
        assertThat(backfill.ofJson(null)).isEqualTo(new StepMix(0, 0, 0));
        assertThat(backfill.ofJson("{not json")).isEqualTo(new StepMix(0, 0, 0));
        assertThat(backfill.ofJson("{\"name\": \"x\"}")).isEqualTo(new StepMix(0, 0, 0));
    }

    @Test
    void onlyATextIsACommandOrUrl() {
        String json = """
                {"steps": [{"action": "shell", "args": {"command": null}},
                           {"action": "http_request", "args": {"url": {"host": "api"}}}]}
                """;

        assertThat(backfill.ofJson(json)).isEqualTo(new StepMix(2, 0, 0));
    }

    /** The store counts each new version from its playbook: both counts must agree on what the converter makes. */
    @Test
    void countsTheStoredJsonOfEveryCorpusPlaybookAsTheStoreCountsItsPlaybook() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PageConverter converter = new PageConverter();
        int playbooks = 0;
        for (SourcePage page : SearchFixture.corpusPages()) {
            Conversion conversion = converter.convert(page);
            if (conversion.hasPlaybook()) {
                playbooks++;
                assertThat(backfill.ofJson(json.writeValueAsString(conversion.playbook())))
                        .as(page.id()).isEqualTo(StepMix.of(conversion.playbook()));
            }
        }
        assertThat(playbooks).isGreaterThanOrEqualTo(20);
    }
}
