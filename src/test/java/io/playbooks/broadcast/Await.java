package io.playbooks.broadcast;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens in the background, with a generous limit; never a timing assertion. */
final class Await {

    static final Duration LIMIT = Duration.ofSeconds(60);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, LIMIT);
    }

    static void until(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
