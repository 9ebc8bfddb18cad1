package io.playbooks.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ApiException;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import io.playbooks.search.PlaybookSearch.SearchHit;
import io.playbooks.search.PlaybookSearch.SearchResults;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ranked lexical search over playbooks stored in H2 from converted pages. */
class PlaybookSearchTest {

    private Database database;
    private PlaybookSearch search;

    @BeforeEach
    void store(TestInfo test) {
        database = Database.open("jdbc:h2:mem:search-" + test.getTestMethod().orElseThrow().getName() + ";DB_CLOSE_DELAY=-1", "", "");
        PlaybookStore store = new PlaybookStore(database.dataSource());
        PageConverter converter = new PageConverter(Map.of("OPS", "operations", "WEB", "web"));
        save(store, converter, page("1", "OPS", "Restart nginx", "<p>Restart the web server when it stops answering.</p>"
                + "<ol><li>Restart it: <code>sudo systemctl restart nginx</code></li>"
                + "<li>Check it answers: <code>curl -fsS http://localhost/health</code></li></ol>"));
        save(store, converter, page("2", "WEB", "Rotate the TLS certificate", "<p>Renew the certificate before it expires.</p>"
                + "<ol><li>Renew it: <code>sudo certbot renew</code></li>"
                + "<li>Reload the proxy so nginx serves the new certificate: <code>sudo systemctl reload nginx</code></li></ol>"));
        save(store, converter, page("3", "OPS", "Drain a worker node", "<p>Move the pods away before maintenance.</p>"
                + "<ol><li>Cordon and drain: <code>kubectl drain worker-1 --ignore-daemonsets</code></li>"
                + "<li>Check no pod is left: <code>kubectl get pods -o wide</code></li></ol>"));
        search = new PlaybookSearch(store, new ObjectMapper());
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void aWordInTheTitleAndACommandRanksAboveAWordInStepTextOnly() {
        SearchResults results = search.search("restart nginx", null, null, null);

        assertThat(results.results()).extracting(SearchHit::name)
                .containsExactly("Restart nginx", "Rotate the TLS certificate");
        SearchHit best = results.results().get(0);
        assertThat(best.reason()).isEqualTo("matched 2 of 2 words: 'restart' in title, description, a step command,"
                + " step text; 'nginx' in title, a step command, step text");
        assertThat(results.results().get(1).reason()).startsWith("matched 1 of 2 words: 'nginx' in");
        assertThat(best.score()).isGreaterThan(results.results().get(1).score());
    }

    @Test
    void aCommandMatchShowsTheCommandAsTheSnippet() {
        SearchHit hit = search.search("certbot", null, null, null).results().get(0);

        assertThat(hit.name()).isEqualTo("Rotate the TLS certificate");
        assertThat(hit.snippet()).isEqualTo("sudo certbot renew");
        assertThat(hit.reason()).isEqualTo("matched 1 of 1 words: 'certbot' in a step command, step text");
    }

    @Test
    void filtersBySpaceAndCategoryAndLimits() {
        assertThat(search.search("nginx", null, "WEB", null).results()).extracting(SearchHit::spaceKey).containsExactly("WEB");
        assertThat(search.search("nginx", null, null, "operations").results()).extracting(SearchHit::name)
                .containsExactly("Restart nginx");
        SearchResults limited = search.search("nginx", "1", null, null);
        assertThat(limited.results()).hasSize(1);
        assertThat(limited.totalMatches()).isEqualTo(2);
        assertThat(search.search("postgres", null, null, null).results()).isEmpty();
    }

    @Test
    void badQueriesAndLimitsAreRefusedInWords() {
        assertThatThrownBy(() -> search.search(" ", null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("query is required");
        assertThatThrownBy(() -> search.search("nginx", "many", null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("limit must be a whole number from 1 to 100, not 'many'");
        assertThatThrownBy(() -> search.search("nginx", "0", null, null)).hasMessageContaining("not '0'");
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatchAtWordBoundaries() {
        String text = "word ".repeat(60) + "nginx restarts here " + "tail ".repeat(60);

        String snippet = PlaybookSearch.snippet(text, Set.of("nginx"));

        assertThat(snippet).startsWith("…word").endsWith("…").contains("nginx restarts here");
        assertThat(snippet.length()).isLessThanOrEqualTo(162);
    }

    private static void save(PlaybookStore store, PageConverter converter, SourcePage page) {
        Conversion conversion = converter.convert(page);
        assertThat(conversion.hasPlaybook()).as(page.title() + " converts to a playbook: " + conversion.problems()).isTrue();
        store.save(conversion, false);
    }

    private static SourcePage page(String id, String space, String title, String body) {
        return new SourcePage(id, space, title, List.of("runbook"), 1, body, "https://wiki.example.com/pages/" + id,
                Instant.parse("2024-05-14T09:30:00Z"), List.of());
    }
}
