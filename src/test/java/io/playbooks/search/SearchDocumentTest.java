package io.playbooks.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.storage.PlaybookSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a stored playbook search reads, by field. */
class SearchDocumentTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final PlaybookSummary SUMMARY = new PlaybookSummary(7, "patroni-switchover", "Patroni switchover",
            "operations", "101", "OPS", "https://wiki.example.com/x", 3, AT, AT, AT, false, null, 1, 1, List.of());

    @Test
    void thePlaybooksOwnNotesAndWarningsAreReadAsItsDescriptionIs() {
        String json = "{\"description\": \"Moves the leader.\", \"notes\": [\"Schedule it in the window.\"],"
                + " \"warnings\": [\"Writes stop for 30 seconds.\"], \"steps\": [{\"name\": \"List the members\","
                + " \"notes\": [\"The leader is marked.\"]}]}";

        SearchDocument document = SearchDocument.of(SUMMARY, json, new ObjectMapper());

        assertThat(document.texts()).filteredOn(text -> text.field() == SearchField.DESCRIPTION)
                .extracting(SearchDocument.Text::text)
                .containsExactly("Moves the leader.", "Schedule it in the window.", "Writes stop for 30 seconds.");
        assertThat(document.texts()).filteredOn(text -> text.field() == SearchField.STEP)
                .extracting(SearchDocument.Text::text).contains("List the members", "The leader is marked.");
    }
}
