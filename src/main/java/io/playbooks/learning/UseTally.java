package io.playbooks.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The uses of one playbook, added one by one as they are read: how many of each kind, when the last one was, and
 * their weight decayed by age (half-life {@link ValueModel#USE_HALF_LIFE_DAYS} days). The decayed weight is kept as
 * of one instant and carried forward by multiplying with the decay in between, so no use is ever read twice.
 */
public final class UseTally {

    private static final double SECONDS_PER_DAY = 86_400;

    private final Map<UsageKind, Long> counts = new EnumMap<>(UsageKind.class);
    private double weight;
    private Instant asOf;
    private Instant lastUsed;

    public void add(UsageKind kind, Instant at) {
        counts.merge(kind, 1L, Long::sum);
        if (asOf == null || at.isAfter(asOf)) {
            weight = weightAt(at);
            asOf = at;
        }
        weight += kind.weight() * decayBetween(at, asOf);
        lastUsed = lastUsed == null || at.isAfter(lastUsed) ? at : lastUsed;
    }

    public long count(UsageKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The decayed weight of every use so far, as of {@code now}. */
    public double weightAt(Instant now) {
        return asOf == null ? 0 : weight * decayBetween(asOf, now);
    }

    /** When the playbook was last used; null when never. */
    public Instant lastUsed() {
        return lastUsed;
    }

    private static double decayBetween(Instant earlier, Instant later) {
        double days = Duration.between(earlier, later).toMillis() / 1000.0 / SECONDS_PER_DAY;
        return Scores.decay(days, ValueModel.USE_HALF_LIFE_DAYS);
    }
}
