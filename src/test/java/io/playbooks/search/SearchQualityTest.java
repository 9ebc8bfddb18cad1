package io.playbooks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.search.PlaybookSearch.SearchHit;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search quality on the questions of {@code src/test/resources/search/queries.json}, each asked in an on-call
 * engineer's words and naming the playbook that answers it, over the sample and corpus pages stored in H2.
 * Recall@5 (the answer among the first five hits) must reach 0.9; MRR is printed, and so are the figures of the
 * word ranking alone, to show what the embedding adds.
 */
class SearchQualityTest {

    private static final Path QUERIES = Path.of("src/test/resources/search/queries.json");

    private static Database database;
    private static PlaybookStore store;

    @BeforeAll
    static void storeTheCorpus() throws Exception {
        database = SearchFixture.database("quality");
        store = new PlaybookStore(database.dataSource());
        assertThat(SearchFixture.importCorpus(store)).as("playbooks stored").isEqualTo(28);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theAnswerIsAmongTheFirstFiveHitsOfAtLeastNineInTenQuestions() throws Exception {
        Quality lexicalOnly = measure(TextEmbedder.OFF);
        Quality hybrid = measure(SearchFixture.EMBEDDER);

        System.err.printf(Locale.ROOT, "search quality, %d questions: hybrid recall@5 %.3f MRR %.3f; "
                        + "words alone recall@5 %.3f MRR %.3f%n", hybrid.questions, hybrid.recallAt5(), hybrid.mrr(),
                lexicalOnly.recallAt5(), lexicalOnly.mrr());
        hybrid.misses.forEach(miss -> System.err.println("  not in the first five: " + miss));
        assertThat(hybrid.questions).isGreaterThanOrEqualTo(40);
        assertThat(hybrid.recallAt5()).as("recall@5; misses: " + hybrid.misses).isGreaterThanOrEqualTo(0.9);
    }

    private static Quality measure(TextEmbedder embedder) throws Exception {
        SearchIndex index = SearchFixture.startedIndex(store, database, embedder);
        try {
            PlaybookSearch search = new PlaybookSearch(index, PlaybookValues.NONE);
            Quality quality = new Quality();
            for (JsonNode question : new ObjectMapper().readTree(QUERIES.toFile()).get("queries")) {
                String q = question.get("q").asText();
                String expected = question.get("expected").asText();
                List<SearchHit> hits = search.search(q, "10", null, null).results();
                int rank = 0;
                for (int i = 0; i < hits.size() && rank == 0; i++) {
                    rank = hits.get(i).confluencePageId().equals(expected) ? i + 1 : 0;
                }
                if (System.getProperty("search.quality.verbose") != null) {
                    System.err.println(q + " => " + hits.stream().limit(3).map(h -> h.confluencePageId() + " "
                            + h.score() + " [" + h.reason() + "] {" + h.snippet() + "}").toList());
                }
                quality.add(rank, q + " -> " + expected + " (rank " + (rank == 0 ? "none" : rank) + "; got "
                        + hits.stream().limit(3).map(SearchHit::confluencePageId).toList() + ")");
            }
            return quality;
        } finally {
            index.stop();
        }
    }

    private static final class Quality {
        int questions;
        int inFirstFive;
        double reciprocalRanks;
        final List<String> misses = new ArrayList<>();

        void add(int rank, String description) {
            questions++;
            if (rank >= 1 && rank <= 5) {
                inFirstFive++;
            } else {
                misses.add(description);
            }
            reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
        }

        double recallAt5() {
            return (double) inFirstFive / questions;
        }

        double mrr() {
            return reciprocalRanks / questions;
        }
    }
}
