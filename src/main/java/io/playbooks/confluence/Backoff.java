package io.playbooks.confluence;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential back-off with "equal jitter": attempt n waits between half and all of min(cap, 500 ms * 2^(n-1)). */
final class Backoff {

    static final Duration INITIAL = Duration.ofMillis(500);

    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration cap, RandomGenerator random) {
        this.cap = cap;
        this.random = random;
    }

    /** The wait after the given failed attempt (1 for the first). */
    Duration after(int attempt) {
        long ceiling = INITIAL.toMillis() << Math.min(attempt - 1, 30);
        long full = Math.min(cap.toMillis(), ceiling);
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
    }
}
