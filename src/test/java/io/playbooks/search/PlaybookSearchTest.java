package io.playbooks.search;

import io.playbooks.api.ApiException;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.search.PlaybookSearch.SearchHit;
import io.playbooks.search.PlaybookSearch.SearchResults;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hybrid search over the sample and corpus playbooks stored in H2: filters, limits, snippets, reasons, bad input. */
class PlaybookSearchTest {

    private static Database database;
    private static SearchIndex index;
    private static PlaybookSearch search;

    @BeforeAll
    static void storeAndIndexTheCorpus() throws Exception {
        database = SearchFixture.database("behaviour");
        PlaybookStore store = new PlaybookStore(database.dataSource());
        SearchFixture.importCorpus(store);
        index = SearchFixture.startedIndex(store, database, SearchFixture.EMBEDDER);
        search = new PlaybookSearch(index, PlaybookValues.NONE);
    }

    @AfterAll
    static void close() {
        index.stop();
        database.close();
    }

    @Test
    void filtersBySpaceAndCategoryWhateverTheirCase() {
        SearchResults everywhere = search.search("restart", null, null, null);
        SearchResults ops = search.search("restart", null, "ops", null);
        SearchResults database = search.search("primary replica", null, null, "DATABASE");

        assertThat(everywhere.results()).extracting(SearchHit::spaceKey).contains("OPS", "DEVOPS", "INFRA");
        assertThat(ops.results()).isNotEmpty().extracting(SearchHit::spaceKey).containsOnly("OPS");
        assertThat(database.results()).isNotEmpty().extracting(SearchHit::category).containsOnly("database");
        assertThat(search.search("restart", null, "NOSUCHSPACE", null).results()).isEmpty();
    }

    @Test
    void theLimitCutsTheHitsButNotTheCountOfMatches() {
        SearchResults limited = search.search("restart", "2", null, null);

        assertThat(limited.results()).hasSize(2);
        assertThat(limited.totalMatches()).isGreaterThan(2);
        assertThat(limited.results().get(0).score()).isGreaterThanOrEqualTo(limited.results().get(1).score());
    }

    @Test
    void aCommandWordShowsTheCommandAsTheSnippetAndTheReasonSaysWhere() {
        SearchHit hit = search.search("journalctl vacuum", "3", null, null).results().get(0);

        assertThat(hit.confluencePageId()).isEqualTo("var-disk-full-app-servers");
        assertThat(hit.snippet()).contains("sudo journalctl --vacuum-size=500M");
        assertThat(hit.reason()).isEqualTo("matched 2 of 2 words: 'journalctl' in a step command, step text; "
                + "'vacuum' in a step command, step text");
        assertThat(hit.lexicalRank()).isEqualTo(1);
    }

    @Test
    void aQuestionInOtherWordsFindsThePlaybookByMeaningAndSaysHowClose() {
        SearchResults results = search.search("evict workloads from a cluster machine before a hardware repair", "5",
                null, null);

        SearchHit drain = results.results().stream()
                .filter(hit -> hit.confluencePageId().equals("k8s-drain-worker-node")).findFirst().orElseThrow();
        assertThat(drain.semanticSimilarity()).isGreaterThan((double) PlaybookSearch.MIN_SIMILARITY);
        assertThat(drain.reason()).matches(".*semantically close: 0\\.\\d\\d");
        assertThat(results.index().semanticReady()).isTrue();
        assertThat(results.index().embedded()).isEqualTo(results.index().playbooks()).isEqualTo(28);
    }

    @Test
    void aPlaybookFoundByMeaningAloneShowsItsDescription() {
        SearchHit byMeaning = search.search("customers don't see new tracking scans, the projector is lagging", "10",
                        null, null)
                .results().stream().filter(hit -> hit.lexicalRank() == null).findFirst().orElseThrow();

        assertThat(byMeaning.reason()).matches("semantically close: 0\\.\\d\\d");
        assertThat(byMeaning.snippet()).isNotBlank();
    }

    @Test
    void badQueriesAndLimitsAreRefusedInWords() {
        assertThatThrownBy(() -> search.search(" ", null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("q is required");
        assertThatThrownBy(() -> search.search(null, null, null, null)).hasMessageContaining("q is required");
        assertThatThrownBy(() -> search.search("?! --", null, null, null)).hasMessageContaining("holds no word");
        assertThatThrownBy(() -> search.search("x".repeat(501), null, null, null))
                .hasMessageContaining("q is 501 characters long; at most 500");
        assertThatThrownBy(() -> search.search("nginx", "many", null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("limit must be a whole number from 1 to 100, not 'many'");
        assertThatThrownBy(() -> search.search("nginx", "0", null, null)).hasMessageContaining("not '0'");
        assertThatThrownBy(() -> search.search("nginx", "101", null, null)).hasMessageContaining("not '101'");
    }

    @Test
    void aLongTextIsCutAroundTheMatchAtWordBoundaries() {
        String text = "word ".repeat(60) + "nginx restarts here " + "tail ".repeat(60);

        String snippet = HitExplainer.snippet(text, text.indexOf("nginx"));

        assertThat(snippet).startsWith("…word").endsWith("…").contains("nginx restarts here");
        assertThat(snippet.length()).isLessThanOrEqualTo(HitExplainer.SNIPPET_CHARS + 2);
    }
}
