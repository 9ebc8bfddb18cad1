package io.playbooks.search;

import io.playbooks.conversion.PageConverter;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.page.SourcePage;
import io.playbooks.search.PlaybookSearch.SearchHit;
import io.playbooks.storage.Database;
import io.playbooks.storage.FlagKind;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.SaveResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index follows the database: rebuilt at start, new versions and outdated marks taken in, embeddings kept. */
class SearchIndexTest {

    private final PageConverter converter = new PageConverter(Map.of("OPS", "operations"));
    private Database database;
    private PlaybookStore store;
    private SearchIndex index;

    @BeforeEach
    void store(TestInfo test) {
        database = SearchFixture.database("index-" + test.getTestMethod().orElseThrow().getName());
        store = new PlaybookStore(database.dataSource());
        save("1", "Restart nginx", 1, "<p>Restart the web server when it stops answering.</p>"
                + "<ol><li>Restart it: <code>sudo systemctl restart nginx</code></li>"
                + "<li>Check it answers: <code>curl -fsS http://localhost/health</code></li></ol>");
        save("2", "Drain a worker node", 1, "<p>Move the pods away before maintenance.</p>"
                + "<ol><li>Cordon and drain: <code>kubectl drain worker-1 --ignore-daemonsets</code></li>"
                + "<li>Check no pod is left: <code>kubectl get pods -o wide</code></li></ol>");
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.stop();
        }
        database.close();
    }

    @Test
    void aRestartRebuildsTheIndexFromTheDatabaseAndReadsTheEmbeddingsKeptThere() {
        CountingEmbedder first = new CountingEmbedder();
        SearchIndex before = SearchFixture.startedIndex(store, database, first);
        before.stop();
        CountingEmbedder second = new CountingEmbedder();

        index = SearchFixture.startedIndex(store, database, second);

        assertThat(first.embedded.get()).isEqualTo(2);
        assertThat(second.embedded.get()).as("embeddings computed after the restart").isZero();
        assertThat(index.status().embedded()).isEqualTo(2);
        assertThat(names(search("cordon"))).containsExactly("Drain a worker node");
        assertThat(search("move pods off a worker node").get(0).semanticSimilarity()).isNotNull();
    }

    @Test
    void aNewVersionReplacesWhatWasIndexedOfThePlaybook() {
        index = SearchFixture.startedIndex(store, database, SearchFixture.EMBEDDER);
        SaveResult saved = save("1", "Restart haproxy", 2, "<p>Restart the load balancer when it stops answering.</p>"
                + "<ol><li>Restart it: <code>sudo systemctl restart haproxy</code></li></ol>");

        index.refresh(saved.playbookId());

        assertThat(names(search("haproxy"))).containsExactly("Restart haproxy");
        assertThat(search("nginx")).noneMatch(hit -> hit.lexicalRank() != null);
        SearchFixture.awaitSettled(index);
        assertThat(index.status().embedded()).isEqualTo(2);
    }

    @Test
    void aSearchSeesAVersionStoredBeforeItEvenWhenNobodyAnnouncedIt() {
        index = SearchFixture.startedIndex(store, database, TextEmbedder.OFF);

        save("3", "Flush the session cache", 1, "<p>Log every user out.</p>"
                + "<ol><li>Flush: <code>redis-cli -n 2 FLUSHDB</code></li></ol>");

        assertThat(names(search("flushdb"))).containsExactly("Flush the session cache");
    }

    @Test
    void anOutdatedPlaybookIsStillFoundAndFlaggedWithItsReason() {
        index = SearchFixture.startedIndex(store, database, TextEmbedder.OFF);

        store.markOutdated("OPS", "2", FlagKind.DELETED, "page 2 was deleted from space OPS");
        index.catchUp();

        SearchHit drained = search("drain").get(0);
        assertThat(drained.name()).isEqualTo("Drain a worker node");
        assertThat(drained.outdated()).isTrue();
        assertThat(drained.outdatedReason()).isEqualTo("page 2 was deleted from space OPS");
    }

    @Test
    void hitsAreExplainedByTheTextsInTheDatabaseAndByTheirTitleWhileItFails() {
        index = SearchFixture.startedIndex(store, database, TextEmbedder.OFF);
        SearchHit explained = search("pods maintenance").get(0);

        database.close();
        SearchHit titleOnly = search("pods maintenance").get(0);

        assertThat(explained.reason()).isEqualTo("matched 2 of 2 words: 'pods' in description, a step command, step text; "
                + "'maintenance' in description");
        assertThat(explained.snippet()).isEqualTo("Move the pods away before maintenance.");
        assertThat(titleOnly.name()).as("found by the index alone").isEqualTo("Drain a worker node");
        assertThat(titleOnly.lexicalRank()).isEqualTo(1);
        assertThat(titleOnly.snippet()).isEqualTo("Drain a worker node");
    }

    @Test
    void wordsFindAPlaybookBeforeTheModelIsLoadedAndMeaningJoinsOnceItIs() throws Exception {
        BlockingEmbedder slow = new BlockingEmbedder();
        index = new SearchIndex(store, new com.fasterxml.jackson.databind.ObjectMapper(),
                new EmbeddingCache(database.dataSource(), java.time.Clock.systemUTC()), slow);
        index.start();
        while (!index.status().rebuilt()) {
            SearchFixture.sleep(20);
        }

        List<SearchHit> beforeModel = search("cordon");
        slow.loaded.countDown();
        SearchFixture.awaitSettled(index);
        List<SearchHit> afterModel = search("move pods off a worker node");

        assertThat(names(beforeModel)).containsExactly("Drain a worker node");
        assertThat(beforeModel.get(0).semanticSimilarity()).isNull();
        assertThat(beforeModel.get(0).reason()).isEqualTo("matched 1 of 1 words: 'cordon' in step text");
        assertThat(afterModel.get(0).semanticSimilarity()).isNotNull();
    }

    @Test
    void anIndexThatRebuildsWhenAskedWaitsAtStartAndTheFirstSearchStartsItsRebuild() {
        index = rebuildingWhenAsked();
        index.start();
        SearchFixture.sleep(200);
        boolean rebuiltBeforeAsked = index.status().rebuilt();

        search("cordon");
        SearchFixture.awaitSettled(index);

        assertThat(rebuiltBeforeAsked).isFalse();
        assertThat(names(search("cordon"))).containsExactly("Drain a worker node");
    }

    @Test
    void aRebuildAskedForAfterTheIndexStoppedDoesNotRunAndASearchFailsInsteadOfWaiting() {
        index = rebuildingWhenAsked();
        index.start();
        index.stop();

        index.startRebuild();

        assertThat(index.status().rebuilt()).isFalse();
        assertThatThrownBy(() -> search("cordon")).hasRootCauseMessage("the search index is stopped");
    }

    @Test
    void anIndexStoppedWhileItRebuildsNeverStartsLoadingTheModel() throws Exception {
        CountDownLatch rebuildStarted = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        TextEmbedder embedder = new RebuildHoldingEmbedder(rebuildStarted, stopped, loads);
        index = new SearchIndex(store, new com.fasterxml.jackson.databind.ObjectMapper(),
                new EmbeddingCache(database.dataSource(), java.time.Clock.systemUTC()), embedder,
                () -> false, SearchIndex.Rebuild.WHEN_ASKED);
        index.start();
        index.startRebuild();
        rebuildStarted.await();

        index.stop();
        stopped.countDown();
        index.awaitRebuild();
        SearchFixture.sleep(1000);

        assertThat(loads.get()).as("model loads begun after the stop").isZero();
    }

    private SearchIndex rebuildingWhenAsked() {
        return new SearchIndex(store, new com.fasterxml.jackson.databind.ObjectMapper(),
                new EmbeddingCache(database.dataSource(), java.time.Clock.systemUTC()), TextEmbedder.OFF,
                () -> false, SearchIndex.Rebuild.WHEN_ASKED);
    }

    private List<SearchHit> search(String query) {
        return new PlaybookSearch(index, PlaybookValues.NONE).search(query, null, null, null).results();
    }

    private static List<String> names(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::name).toList();
    }

    private SaveResult save(String id, String title, int version, String body) {
        SourcePage page = new SourcePage(id, "OPS", title, List.of("runbook"), version, body,
                "https://wiki.example.com/pages/" + id, Instant.parse("2024-05-14T09:30:00Z"), List.of());
        return store.save(converter.convert(page), false);
    }

    /** The real model, counting the texts it embeds. */
    private static class CountingEmbedder implements TextEmbedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String model() {
            return SearchFixture.EMBEDDER.model();
        }

        @Override
        public void load() {
            SearchFixture.EMBEDDER.load();
        }

        @Override
        public boolean ready() {
            return SearchFixture.EMBEDDER.ready();
        }

        @Override
        public float[] embed(String text) {
            embedded.incrementAndGet();
            return SearchFixture.EMBEDDER.embed(text);
        }
    }

    /** No model; the rebuild's first question (the model's name) waits until the test has stopped the index. */
    private static final class RebuildHoldingEmbedder implements TextEmbedder {
        private final CountDownLatch rebuildStarted;
        private final CountDownLatch stopped;
        private final AtomicInteger loads;

        RebuildHoldingEmbedder(CountDownLatch rebuildStarted, CountDownLatch stopped, AtomicInteger loads) {
            this.rebuildStarted = rebuildStarted;
            this.stopped = stopped;
            this.loads = loads;
        }

        @Override
        public String model() {
            if (rebuildStarted.getCount() > 0) {
                rebuildStarted.countDown();
                awaitUninterruptibly(stopped);
            }
            return "held";
        }

        @Override
        public void load() {
            loads.incrementAndGet();
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public float[] embed(String text) {
            throw new IllegalStateException("no model");
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            boolean interrupted = false;
            while (true) {
                try {
                    latch.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The real model, whose loading waits until the test lets it finish. */
    private static final class BlockingEmbedder extends CountingEmbedder {
        final CountDownLatch loaded = new CountDownLatch(1);
        private volatile boolean done;

        @Override
        public void load() {
            try {
                loaded.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            super.load();
            done = true;
        }

        @Override
        public boolean ready() {
            return done;
        }
    }
}
