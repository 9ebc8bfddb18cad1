package io.playbooks.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingWorkerTest {

    @Test
    void embeddingsWaitWhilePagesAreImportedAndCatchUpAfterwards() throws Exception {
        AtomicBoolean importing = new AtomicBoolean(true);
        List<Long> embedded = new CopyOnWriteArrayList<>();
        try (EmbeddingWorker worker = new EmbeddingWorker(new ReadyEmbedder(), embedded::add, importing::get)) {
            worker.start();
            worker.enqueue(1);
            worker.enqueue(2);

            TimeUnit.MILLISECONDS.sleep(1500);
            assertThat(embedded).as("embedded during the import").isEmpty();

            importing.set(false);
            for (int i = 0; i < 100 && embedded.size() < 2; i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(embedded).containsExactly(1L, 2L);
            assertThat(worker.pending()).isZero();
        }
    }

    /** A model that is there at once; the worker's callback does the embedding in this test. */
    private static final class ReadyEmbedder implements TextEmbedder {
        @Override
        public String model() {
            return "test";
        }

        @Override
        public void load() {
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public float[] embed(String text) {
            return new float[] {1};
        }
    }
}
