package io.playbooks.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.playbooks.page.Attachment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON the REST layer gets from the store's records (with jsr310 and ISO dates, as the API maps them). */
class StoreJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final PlaybookSummary SUMMARY = new PlaybookSummary(7, "deploy-application", "Deploy Application",
            "infrastructure", "101", "OPS", "https://wiki.example.com/x", 3, Instant.parse("2026-01-05T10:00:00Z"),
            Instant.parse("2026-01-01T08:00:00Z"), Instant.parse("2026-01-05T10:00:00Z"), true, "page deleted", 4, 2,
            List.of(new OutdatedFlag(FlagKind.DELETED, "page deleted", Instant.parse("2026-01-05T10:00:00Z"))));

    @Test
    void aSummaryHasTheKeysOfGetPlaybooks() throws Exception {
        JsonNode json = JSON.valueToTree(SUMMARY);

        assertThat(json.fieldNames()).toIterable().containsExactly("playbook_id", "slug", "name", "category",
                "confluence_page_id", "confluence_space", "confluence_url", "confluence_version", "last_imported",
                "created_at", "updated_at", "outdated", "outdated_reason", "outdated_flags", "step_count",
                "version_number");
        assertThat(json.get("last_imported").asText()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(json.get("outdated_flags").get(0).toString()).isEqualTo(
                "{\"kind\":\"deleted\",\"reason\":\"page deleted\",\"detected_at\":\"2026-01-05T10:00:00Z\"}");
    }

    @Test
    void aDetailIsTheSummaryWithYamlJsonAndAttachments() {
        PlaybookDetail detail = new PlaybookDetail(SUMMARY, "version: 1\n", "{\"version\":1}",
                List.of(new Attachment("a1", "flow.png", "image/png", 2, "/download/flow.png")));

        JsonNode json = JSON.valueToTree(detail);

        assertThat(json.get("playbook_id").asLong()).isEqualTo(7);
        assertThat(json.get("yaml").asText()).isEqualTo("version: 1\n");
        assertThat(json.get("playbook_json").asText()).isEqualTo("{\"version\":1}");
        assertThat(json.get("attachments").get(0).get("file_name").asText()).isEqualTo("flow.png");
        assertThat(json.has("summary")).isFalse();
    }

    @Test
    void aVersionShowsItsKindInLowerCase() {
        JsonNode json = JSON.valueToTree(new PlaybookVersion(9, 2, VersionKind.TOMBSTONE, 3, null, 0, false,
                "page deleted", Instant.parse("2026-01-05T10:00:00Z"), null));

        assertThat(json.get("kind").asText()).isEqualTo("tombstone");
        assertThat(json.get("version_number").asInt()).isEqualTo(2);
        assertThat(json.get("confluence_version").asInt()).isEqualTo(3);
    }
}
