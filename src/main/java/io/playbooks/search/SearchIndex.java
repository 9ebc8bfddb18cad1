package io.playbooks.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.storage.PlaybookChange;
import io.playbooks.storage.PlaybookDetail;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every stored playbook as a searchable memory: a Lucene BM25 index of its texts and the embedding of its gist,
 * both in memory and rebuilt from the database (the source of truth) on a background thread at start, so that
 * startup does not wait for it. It is kept current by {@link #refresh} when a version is stored (the import's
 * announcement) and by {@link #catchUp} (on a timer and before each search), which asks the database for playbooks
 * written since it last looked: that finds playbooks marked outdated, and what other instances on the same database
 * wrote, and makes a search see every import that answered before it.
 * <p>
 * A playbook is searchable by its words as soon as it is indexed; its embedding follows on the one
 * {@link EmbeddingWorker}, read from {@link EmbeddingCache} when the same text was embedded before.
 */
public class SearchIndex extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /** Playbooks read per query when rebuilding. */
    private static final int REBUILD_PAGE = 500;
    /**
     * How far before the newest change it saw the catch-up looks again: a transaction commits a little after the
     * time it wrote into updated_at, and instances' clocks differ a little.
     */
    private static final Duration CATCH_UP_OVERLAP = Duration.ofSeconds(30);
    /** How long a search waits for a rebuild from the database it had to start (10,000 playbooks take about 5 s). */
    private static final Duration REBUILD_WAIT = Duration.ofSeconds(30);

    private final PlaybookStore store;
    private final ObjectMapper json;
    private final EmbeddingCache cache;
    private final TextEmbedder embedder;
    /** Lucene, opened on the background thread: its classes take a moment to load, and startup must not wait. */
    private final CompletableFuture<Lucene> lucene = new CompletableFuture<>();
    /** Done when the rebuild from the database has ended, rebuilt or not. */
    private final CompletableFuture<Void> rebuildEnded = new CompletableFuture<>();
    private final SemanticIndex semantic = new SemanticIndex();
    /**
     * What the index holds of each playbook besides Lucene: its summary and the hash of the text its embedding is
     * computed from. Not its texts: they would keep about 5 KB a playbook in the heap for as long as the service runs;
     * the few that a search explains and the embedding worker reads are read again from the database.
     */
    private final Map<Long, Indexed> indexed = new ConcurrentHashMap<>();
    private final EmbeddingWorker worker;
    private volatile boolean rebuilt;
    private volatile Instant newestChange = Instant.EPOCH;
    private final boolean rebuildAtStart;
    private volatile boolean stopped;
    // guarded by this
    private Thread rebuilding;

    /** When the rebuild from the database begins. */
    public enum Rebuild {
        /** As the index starts. */
        AT_START,
        /**
         * When {@link #startRebuild} is called (the service does so a moment after it started), or at the first
         * search or indexing before then.
         */
        WHEN_ASKED
    }

    public SearchIndex(PlaybookStore store, ObjectMapper json, EmbeddingCache cache, TextEmbedder embedder) {
        this(store, json, cache, embedder, () -> false, Rebuild.AT_START);
    }

    /** @param importing whether pages are being imported: embeddings wait until the import is over */
    public SearchIndex(PlaybookStore store, ObjectMapper json, EmbeddingCache cache, TextEmbedder embedder,
                       BooleanSupplier importing, Rebuild rebuild) {
        this.store = store;
        this.json = json;
        this.cache = cache;
        this.embedder = embedder;
        this.worker = new EmbeddingWorker(embedder, this::embed, importing);
        this.rebuildAtStart = rebuild == Rebuild.AT_START;
    }

    @Override
    protected void doStart() {
        if (rebuildAtStart) {
            startRebuild();
        }
    }

    /**
     * Rebuilds from the database in the background, then loads the model and embeds what the cache lacks; only the
     * first call does anything.
     */
    public synchronized void startRebuild() {
        if (rebuilding != null) {
            return;
        }
        // a delayed start that fires while the service stops has nothing left to rebuild for
        if (stopped) {
            lucene.completeExceptionally(new IllegalStateException("the search index is stopped"));
            rebuildEnded.complete(null);
            return;
        }
        rebuilding = new Thread(() -> {
            try {
                TextAnalysis analysis = new TextAnalysis();
                lucene.complete(new Lucene(analysis, new LexicalIndex(analysis)));
                rebuild();
            } catch (RuntimeException | LinkageError e) {
                lucene.completeExceptionally(e);
                if (stopped) {
                    LOG.info("Search index rebuild ended by the service stopping: {}", e.toString());
                } else {
                    LOG.error("Search index could not be rebuilt from the database: {}", e.toString(), e);
                }
            } finally {
                rebuildEnded.complete(null);
                startWorkerUnlessStopped();
            }
        }, "search-rebuild");
        rebuilding.setDaemon(true);
        rebuilding.start();
    }

    /**
     * A worker started after the stop would load the model while the JVM exits: ONNX Runtime crashes the JVM
     * (SIGSEGV in createSession) when its native state is torn down under a session being created.
     */
    private synchronized void startWorkerUnlessStopped() {
        if (!stopped) {
            worker.start();
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        stopped = true;
        if (rebuilding != null) {
            rebuilding.interrupt();
        }
        worker.close();
        if (lucene.isDone() && !lucene.isCompletedExceptionally()) {
            lucene.join().lexical().close();
        }
    }

    /** Indexes every stored playbook, reading the database a page at a time; kept embeddings are used at once. */
    void rebuild() {
        long start = System.nanoTime();
        Map<String, float[]> kept = cache.all(embedder.model());
        int count = 0;
        int fromCache = 0;
        long afterId = 0;
        List<PlaybookDetail> page;
        do {
            page = store.detailsAfter(afterId, REBUILD_PAGE);
            for (PlaybookDetail detail : page) {
                SearchDocument document = SearchDocument.of(detail, json);
                String textHash = EmbeddingCache.hash(document.embeddingText());
                float[] vector = kept.get(textHash);
                if (vector != null) {
                    semantic.put(document.playbookId(), textHash, vector);
                    fromCache++;
                }
                put(document);
                count++;
                afterId = detail.summary().playbookId();
            }
        } while (page.size() == REBUILD_PAGE && !Thread.currentThread().isInterrupted());
        rebuilt = true;
        LOG.info("Search index rebuilt from the database: {} playbooks in {} ms ({} embeddings from the database, "
                + "{} to compute)", count, (System.nanoTime() - start) / 1_000_000, fromCache, worker.pending());
    }

    /** Indexes the newest state of one playbook (after an import stored a version of it). */
    public void refresh(Long playbookId) {
        if (playbookId != null) {
            store.find(playbookId).map(detail -> SearchDocument.of(detail, json)).ifPresent(this::put);
        }
    }

    /**
     * Indexes the playbooks written since the newest change seen (less an overlap) that the index does not hold at
     * that state: marked outdated, or written by another path or instance.
     */
    public void catchUp() {
        if (!rebuilt) {
            return;
        }
        for (PlaybookChange change : store.updatedSince(newestChange.minus(CATCH_UP_OVERLAP))) {
            Indexed held = indexed.get(change.playbookId());
            if (held == null || !change.updatedAt().equals(held.summary().updatedAt())) {
                refresh(change.playbookId());
            }
        }
    }

    /**
     * Starts the rebuild if nobody has, and waits for it to end (at most {@link #REBUILD_WAIT}): a search asked before
     * the delayed rebuild sees what the database holds, not an empty index. Answers whether the index is rebuilt.
     */
    public boolean awaitRebuild() {
        startRebuild();
        try {
            rebuildEnded.get(REBUILD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("Search answers from a partly rebuilt index: {}", e.toString());
        }
        return rebuilt;
    }

    private void put(SearchDocument document) {
        Indexed incoming = new Indexed(document.summary(), EmbeddingCache.hash(document.embeddingText()));
        boolean[] changed = {false};
        indexed.compute(document.playbookId(), (id, old) -> {
            if (old != null && !newer(incoming.summary(), old.summary())) {
                return old;
            }
            // inside compute: two writers of one playbook update Lucene in the order the map took them
            lexical().put(document);
            changed[0] = true;
            return incoming;
        });
        if (changed[0]) {
            noteChange(incoming.summary().updatedAt());
            if (!semantic.holds(document.playbookId(), incoming.embeddingHash())) {
                worker.enqueue(document.playbookId());
            }
        }
    }

    private synchronized void noteChange(Instant updatedAt) {
        if (updatedAt != null && updatedAt.isAfter(newestChange)) {
            newestChange = updatedAt;
        }
    }

    /**
     * The worker's step: the embedding of one playbook's current text, from the cache or the model. The text is read
     * again from the database (the newest one: a version stored meanwhile is indexed with its embedding held already).
     */
    private void embed(long playbookId) {
        Indexed held = indexed.get(playbookId);
        if (held == null || semantic.holds(playbookId, held.embeddingHash())) {
            return;
        }
        SearchDocument document = documents(List.of(playbookId)).get(playbookId);
        if (document == null) {
            return;
        }
        String text = document.embeddingText();
        String textHash = EmbeddingCache.hash(text);
        if (semantic.holds(playbookId, textHash)) {
            return;
        }
        Optional<float[]> kept = cache.find(embedder.model(), textHash);
        float[] vector = kept.orElseGet(() -> embedder.embed(text));
        if (kept.isEmpty()) {
            cache.save(embedder.model(), textHash, vector);
        }
        semantic.put(playbookId, textHash, vector);
    }

    private static boolean newer(PlaybookSummary incoming, PlaybookSummary indexed) {
        int byTime = compare(incoming.updatedAt(), indexed.updatedAt());
        return byTime > 0 || byTime == 0 && incoming.versionNumber() > indexed.versionNumber();
    }

    private static int compare(Instant a, Instant b) {
        return a == null || b == null ? 0 : a.compareTo(b);
    }

    /** Waits, only in the first moments after the rebuild began, until Lucene is open. */
    TextAnalysis analysis() {
        return openLucene().analysis();
    }

    LexicalIndex lexical() {
        return openLucene().lexical();
    }

    private Lucene openLucene() {
        if (!lucene.isDone()) {
            startRebuild();
        }
        return lucene.join();
    }

    SemanticIndex semantic() {
        return semantic;
    }

    TextEmbedder embedder() {
        return embedder;
    }

    /** The summary of an indexed playbook, as the index holds it. */
    Optional<PlaybookSummary> summary(long playbookId) {
        return Optional.ofNullable(indexed.get(playbookId)).map(Indexed::summary);
    }

    /**
     * The texts of these indexed playbooks as they are stored now, read in one query (the index keeps none in memory),
     * each with the summary the index holds: a search catches up before it ranks, so the two differ only when a version
     * is stored while the search runs.
     */
    Map<Long, SearchDocument> documents(List<Long> playbookIds) {
        Map<Long, SearchDocument> documents = new HashMap<>();
        store.contentJson(playbookIds).forEach((id, playbookJson) -> summary(id).ifPresent(
                summary -> documents.put(id, SearchDocument.of(summary, playbookJson, json))));
        return documents;
    }

    public IndexStatus status() {
        return new IndexStatus(indexed.size(), semantic.size(), worker.pending(), rebuilt, embedder.ready());
    }

    private record Lucene(TextAnalysis analysis, LexicalIndex lexical) {
    }

    private record Indexed(PlaybookSummary summary, String embeddingHash) {
    }

    /** What the index holds: shown with every search answer. */
    public record IndexStatus(int playbooks, int embedded,
                              @JsonProperty("embeddings_pending") int embeddingsPending,
                              boolean rebuilt,
                              @JsonProperty("semantic_ready") boolean semanticReady) {
    }
}
