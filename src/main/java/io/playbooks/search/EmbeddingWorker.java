package io.playbooks.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The one background thread that loads the embedding model and then embeds the playbooks queued for it, one at a
 * time at low priority: embeddings cost CPU (about 20 ms a playbook), and a bulk import must not wait for them, so
 * they pause while pages are being imported and catch up afterwards. A playbook queued again before its turn is
 * embedded once.
 */
final class EmbeddingWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWorker.class);

    /** How often a paused worker looks whether the import is over. */
    private static final long IMPORT_PAUSE_MS = 500;

    private final TextEmbedder embedder;
    private final LongConsumer embedOne;
    private final BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final BooleanSupplier importing;
    private final Thread thread;
    /** No model to embed with: nothing is queued any more. */
    private volatile boolean failed;

    /** @param embedOne embeds one playbook (the model is loaded when it is called) */
    EmbeddingWorker(TextEmbedder embedder, LongConsumer embedOne, BooleanSupplier importing) {
        this.embedder = embedder;
        this.embedOne = embedOne;
        this.importing = importing;
        this.thread = new Thread(this::run, "search-embeddings");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    void start() {
        thread.start();
    }

    void enqueue(long playbookId) {
        if (!failed && queued.add(playbookId)) {
            queue.add(playbookId);
        }
    }

    /** Playbooks waiting for their embedding. */
    int pending() {
        return queued.size();
    }

    private void run() {
        try {
            long start = System.nanoTime();
            embedder.load();
            if (!embedder.ready()) {
                stopQueueing();
                LOG.info("Semantic search is off: search is lexical only");
                return;
            }
            LOG.info("Embedding model {} loaded in {} ms; semantic search is on", embedder.model(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            stopQueueing();
            LOG.warn("Embedding model {} could not be loaded, search stays lexical only: {}", embedder.model(),
                    e.toString());
            return;
        }
        while (!Thread.currentThread().isInterrupted()) {
            long playbookId;
            try {
                playbookId = queue.take();
                while (importing.getAsBoolean()) {
                    Thread.sleep(IMPORT_PAUSE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queued.remove(playbookId);
            try {
                embedOne.accept(playbookId);
            } catch (RuntimeException e) {
                // one playbook without an embedding is still found by its words; the next change queues it again
                LOG.warn("Could not embed playbook {} for semantic search: {}", playbookId, e.toString());
            }
        }
    }

    private void stopQueueing() {
        failed = true;
        queue.clear();
        queued.clear();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        if (thread.isAlive()) {
            // an interrupt does not reach a model load in native code, and the JVM must not exit under one (ONNX
            // Runtime crashes it): wait for the load, which takes seconds on a busy machine, then the thread ends
            thread.join(30_000);
        }
    }
}
