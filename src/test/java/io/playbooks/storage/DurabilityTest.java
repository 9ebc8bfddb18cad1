package io.playbooks.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group commit of {@link Durability}, on a file flush that the test holds and counts. */
class DurabilityTest {

    private final List<String> happened = new CopyOnWriteArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();
    private final CountDownLatch firstFlushMayEnd = new CountDownLatch(1);
    private final CountDownLatch firstFlushBegan = new CountDownLatch(1);
    private volatile SQLException nextFailure;
    private volatile Error nextError;
    private final Durability.StoreFlush file = () -> {
        int number = flushes.incrementAndGet();
        happened.add("flush " + number);
        if (number == 1) {
            firstFlushBegan.countDown();
            await(firstFlushMayEnd);
        }
        SQLException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
        Error error = nextError;
        nextError = null;
        if (error != null) {
            throw error;
        }
    };
    private final List<Durability> opened = new ArrayList<>();

    @AfterEach
    void close() {
        firstFlushMayEnd.countDown();
        opened.forEach(Durability::close);
    }

    @Test
    void callersThatArriveDuringAFlushShareTheNextOne() throws Exception {
        Durability durability = durability(Duration.ofMinutes(1));
        CompletableFuture<Void> first = CompletableFuture.runAsync(durability::awaitStored);
        assertThat(firstFlushBegan.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> later = new ArrayList<>();
        List<Integer> flushesSeenWhenServed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread caller = new Thread(() -> {
                durability.awaitStored();
                flushesSeenWhenServed.add(flushes.get());
            });
            caller.start();
            later.add(caller);
        }
        awaitWaiting(later);

        firstFlushMayEnd.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Thread caller : later) {
            caller.join(10_000);
        }

        assertThat(flushes.get()).as("one flush for the first caller, one shared by the four that came during it").isEqualTo(2);
        assertThat(flushesSeenWhenServed).as("none served by the flush that began before it came").containsOnly(2);
    }

    @Test
    void anActionRunsOnceTheNextFlushIsDone() {
        Durability durability = durability(Duration.ofMinutes(1));
        firstFlushMayEnd.countDown();
        durability.afterStored(() -> happened.add("counted"));
        assertThat(happened).isEmpty();

        durability.awaitStored();

        assertThat(happened).containsExactly("flush 1", "counted");
    }

    @Test
    void waitingActionsGetAFlushOfTheirOwnWithinTheDelay() throws Exception {
        Durability durability = durability(Duration.ofMillis(20));
        firstFlushMayEnd.countDown();
        CountDownLatch counted = new CountDownLatch(2);
        durability.afterStored(counted::countDown);
        durability.afterStored(counted::countDown);

        assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(flushes.get()).isEqualTo(1);
    }

    @Test
    void aFailedFlushFailsItsCallerAndKeepsItsActionsForTheNextOne() {
        Durability durability = durability(Duration.ofMinutes(1));
        firstFlushMayEnd.countDown();
        nextFailure = new SQLException("No space left on device");
        durability.afterStored(() -> happened.add("counted"));

        assertThatThrownBy(durability::awaitStored).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot write the committed changes to the database file: No space left on device");
        assertThat(happened).containsExactly("flush 1");

        durability.awaitStored();
        assertThat(happened).containsExactly("flush 1", "flush 2", "counted");
    }

    @Test
    void anErrorInAFlushKeepsItsActionsForTheNextOne() {
        Durability durability = durability(Duration.ofMinutes(1));
        firstFlushMayEnd.countDown();
        nextError = new NoSuchMethodError("org.h2.mvstore.MVStore.commit()");
        durability.afterStored(() -> happened.add("counted"));

        assertThatThrownBy(durability::awaitStored).isInstanceOf(NoSuchMethodError.class);

        durability.awaitStored();
        assertThat(happened).containsExactly("flush 1", "flush 2", "counted");
    }

    @Test
    void theActionsOfAFailedFlushGetAnotherOneWithoutAnotherCaller() throws Exception {
        Durability durability = durability(Duration.ofMillis(1000));
        CountDownLatch counted = new CountDownLatch(1);
        durability.afterStored(counted::countDown);
        // a caller's flush takes the action; the action's own delayed flush comes while it runs and finds nothing
        CompletableFuture<Void> caller = CompletableFuture.runAsync(durability::awaitStored);
        assertThat(firstFlushBegan.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1500);
        nextFailure = new SQLException("No space left on device");
        firstFlushMayEnd.countDown();
        assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class);

        assertThat(counted.await(10, TimeUnit.SECONDS)).as("the action ran after a later flush").isTrue();
    }

    @Test
    void anErrorInAFlushFailsItsCallerAndLeavesTheNextCallersAFlushOfTheirOwn() throws Exception {
        Durability durability = durability(Duration.ofMinutes(1));
        firstFlushMayEnd.countDown();
        nextError = new NoSuchMethodError("org.h2.mvstore.MVStore.commit()");

        assertThatThrownBy(durability::awaitStored).isInstanceOf(NoSuchMethodError.class);

        CompletableFuture<Void> next = CompletableFuture.runAsync(durability::awaitStored);
        next.get(10, TimeUnit.SECONDS);
        assertThat(flushes.get()).isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidOnceNotAtEveryTry() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        AtomicBoolean diskFull = new AtomicBoolean(true);
        Durability durability = new Durability(() -> {
            tries.incrementAndGet();
            if (diskFull.get()) {
                throw new SQLException("No space left on device");
            }
        }, Duration.ofMillis(10));
        opened.add(durability);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        CountDownLatch counted = new CountDownLatch(1);
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            durability.afterStored(counted::countDown);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tries.get() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            diskFull.set(false);
            assertThat(counted.await(10, TimeUnit.SECONDS)).as("the action ran once the file could be written").isTrue();
        } finally {
            System.setErr(stderr);
        }

        assertThat(tries.get()).isGreaterThanOrEqualTo(5);
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("No space left on device")))
                .as("warnings in %s", log).hasSize(1);
    }

    @Test
    void aNegativeFlushDelayIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> Durability.of("jdbc:h2:file:./data/playbooks", null, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("playbooks.db.flush-delay-ms must be 0 or more, got -5");
    }

    @Test
    void aDatabaseWhoseCommitsAreDurableHasNothingToWaitFor() {
        Durability durability = Durability.atCommit();
        durability.afterStored(() -> happened.add("counted"));
        durability.awaitStored();

        assertThat(happened).containsExactly("counted");
        assertThat(Durability.of("jdbc:postgresql://db:5432/playbooks", null, Duration.ofMinutes(1)))
                .as("PostgreSQL").satisfies(postgres -> {
                    postgres.afterStored(() -> happened.add("on PostgreSQL"));
                    assertThat(happened).endsWith("on PostgreSQL");
                });
    }

    private Durability durability(Duration actionDelay) {
        Durability durability = new Durability(file, actionDelay);
        opened.add(durability);
        return durability;
    }

    private static void awaitWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.stream().anyMatch(thread -> thread.getState() != Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("callers waiting for the flush").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
