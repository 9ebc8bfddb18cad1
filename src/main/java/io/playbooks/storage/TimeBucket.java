package io.playbooks.storage;

import java.time.Duration;
import java.time.Instant;

/**
 * The width of one point of an analytics time series, in UTC. Weeks start on Monday. The SQL expression numbers the
 * buckets the same way on H2 and PostgreSQL (both read {@code EXTRACT(EPOCH FROM ...)} as seconds since 1970).
 */
public enum TimeBucket {
    HOUR(Duration.ofHours(1), Duration.ZERO),
    DAY(Duration.ofDays(1), Duration.ZERO),
    /** 1970-01-01 was a Thursday: three days on, every week number starts on a Monday */
    WEEK(Duration.ofDays(7), Duration.ofDays(3));

    private final long seconds;
    private final long offsetSeconds;

    TimeBucket(Duration size, Duration offset) {
        this.seconds = size.toSeconds();
        this.offsetSeconds = offset.toSeconds();
    }

    /** The bucket number of a timestamp column, as SQL (constants only, so it may appear in GROUP BY). */
    String sqlNumber(String column) {
        return "CAST(FLOOR((EXTRACT(EPOCH FROM " + column + ") + " + offsetSeconds + ") / " + seconds + ") AS BIGINT)";
    }

    /** The same number from a column of whole hours since 1970: integer arithmetic, far cheaper per row. */
    String sqlNumberOfEpochHour(String column) {
        return "((" + column + " + " + offsetSeconds / 3600 + ") / " + seconds / 3600 + ")";
    }

    Instant start(long number) {
        return Instant.ofEpochSecond(number * seconds - offsetSeconds);
    }

    /** The start of the bucket an instant falls in. */
    public Instant floor(Instant instant) {
        return start(Math.floorDiv(instant.getEpochSecond() + offsetSeconds, seconds));
    }

    public Duration size() {
        return Duration.ofSeconds(seconds);
    }
}
