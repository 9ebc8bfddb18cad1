package io.playbooks.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Background work starts after Camel has fully started and the delay has passed, every task even if one fails. */
class BackgroundStartTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void tasksStartInOrderAfterTheDelayOnceCamelHasStarted() throws Exception {
        BackgroundStart background = new BackgroundStart(Duration.ofMillis(300))
                .add("index", () -> started.add("index"))
                .add("scores", () -> {
                    started.add("scores");
                    done.countDown();
                });
        camel.addStartupListener(background);
        long start = System.nanoTime();
        camel.start();
        boolean startedBeforeDelay = !started.isEmpty();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(startedBeforeDelay).isFalse();
        assertThat(started).containsExactly("index", "scores");
    }

    @Test
    void nothingStartsWhenCamelStopsBeforeTheDelayHasPassed() throws Exception {
        BackgroundStart background = new BackgroundStart(Duration.ofMillis(500))
                .add("scores", () -> started.add("scores"));
        camel.addStartupListener(background);
        camel.start();

        camel.stop();
        Thread.sleep(1000);

        assertThat(started).as("tasks run after the stop").isEmpty();
    }

    @Test
    void aTaskThatFailsDoesNotKeepTheNextFromStarting() {
        BackgroundStart background = new BackgroundStart(Duration.ZERO)
                .add("index", () -> {
                    throw new IllegalStateException("no database");
                })
                .add("scores", () -> started.add("scores"));

        background.runAll();

        assertThat(started).containsExactly("scores");
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> new BackgroundStart(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
