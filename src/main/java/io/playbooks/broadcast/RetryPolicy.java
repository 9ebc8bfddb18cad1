package io.playbooks.broadcast;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential back-off from {@code initial}, doubled per attempt up to
 * {@code cap}, with "equal jitter" (between half and all of it) so that many deliveries failed together do not come
 * back together; given up after {@code maxAttempts} attempts, or never when it is 0.
 */
public record RetryPolicy(Duration initial, Duration cap, int maxAttempts, RandomGenerator random) {

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("playbooks.broadcast.retry.initial-ms must be positive, got " + initial.toMillis());
        }
        if (cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("playbooks.broadcast.retry.max-ms (" + cap.toMillis()
                    + ") must be at least playbooks.broadcast.retry.initial-ms (" + initial.toMillis() + ")");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("playbooks.broadcast.retry.max-attempts must be 0 (never give up) or more, got "
                    + maxAttempts);
        }
    }

    /** The wait after the given failed attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        long ceiling = initial.toMillis() << Math.min(attempts - 1, 30);
        long full = ceiling <= 0 ? cap.toMillis() : Math.min(cap.toMillis(), ceiling);
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }

    /** Whether a delivery that failed {@code attempts} times is given up (state {@code dead}). */
    public boolean givesUpAfter(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }
}
