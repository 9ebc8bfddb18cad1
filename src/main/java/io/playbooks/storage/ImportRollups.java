package io.playbooks.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Import attempts counted per space, hour and outcome, and failure reasons per space and day (V8__analytics.sql):
 * a counter is raised, never a row added per page, so a year of syncs stays a few thousand rows per space.
 */
public class ImportRollups {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRollups.class);
    /** Longer reasons are cut: they are grouped by their text, and the column holds 500 characters. */
    static final int REASON_LENGTH = 500;
    private static final long HOUR = 3600;

    private final Transactions transactions;
    private final Clock clock;

    public ImportRollups(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /**
     * Counts one attempt now; the reasons of a failed one are counted once each for its day. Inside a shared
     * transaction (the import of a page) the counters are raised just before it commits, and a failure to raise them
     * is logged there instead of rolling the page back: counting never fails an import.
     *
     * @throws StoreException outside a shared transaction, when the counters cannot be raised
     */
    public void record(String spaceKey, ImportAttempt attempt, Collection<String> reasons) {
        Instant now = clock.instant();
        List<Counter> counters = new ArrayList<>();
        counters.add(new Counter("import_rollups", "epoch_hour", "outcome", spaceKey,
                Math.floorDiv(now.getEpochSecond(), HOUR), attempt.code()));
        if (attempt.failed()) {
            for (String reason : distinctReasons(reasons)) {
                counters.add(new Counter("import_failure_reasons", "day_start", "reason", spaceKey,
                        now.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), reason));
            }
        }
        Tally shared = transactions.beforeCommit(this, Tally::new);
        Tally tally = shared != null ? shared : new Tally();
        counters.forEach(tally::add);
        if (shared == null) {
            tally.raise();
        }
    }

    /** Attempts per space, bucket and outcome in [from, to); {@code spaceKey} null for every space. */
    public List<Count> attempts(Instant from, Instant to, TimeBucket bucket, String spaceKey) {
        String number = bucket.sqlNumberOfEpochHour("epoch_hour");
        String sql = "SELECT space_key, " + number + " AS bucket_no, outcome, SUM(pages) FROM import_rollups"
                + " WHERE epoch_hour >= ? AND epoch_hour < ?" + (spaceKey == null ? "" : " AND space_key = ?")
                + " GROUP BY space_key, " + number + ", outcome ORDER BY space_key, bucket_no";
        return transactions.run("read the import roll-ups", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                // the hours that start in [from, to)
                select.setLong(1, -Math.floorDiv(-from.getEpochSecond(), HOUR));
                select.setLong(2, -Math.floorDiv(-to.getEpochSecond(), HOUR));
                if (spaceKey != null) {
                    select.setString(3, spaceKey);
                }
                List<Count> counts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new Count(rows.getString(1), bucket.start(rows.getLong(2)),
                                ImportAttempt.ofCode(rows.getString(3)), rows.getLong(4)));
                    }
                }
                return counts;
            }
        });
    }

    /** Failure reasons per space over the days that [from, to) touches, most frequent first. */
    public List<Reason> failureReasons(Instant from, Instant to, String spaceKey) {
        String sql = "SELECT space_key, reason, SUM(pages) AS total FROM import_failure_reasons"
                + " WHERE day_start >= ? AND day_start < ?" + (spaceKey == null ? "" : " AND space_key = ?")
                + " GROUP BY space_key, reason ORDER BY total DESC, reason";
        return transactions.run("read the import failure reasons", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                bindRange(select, from.truncatedTo(ChronoUnit.DAYS), to, spaceKey);
                List<Reason> reasons = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reasons.add(new Reason(rows.getString(1), rows.getString(2), rows.getLong(3)));
                    }
                }
                return reasons;
            }
        });
    }

    private static void bindRange(PreparedStatement select, Instant from, Instant to, String spaceKey)
            throws SQLException {
        select.setObject(1, from.atOffset(ZoneOffset.UTC));
        select.setObject(2, to.atOffset(ZoneOffset.UTC));
        if (spaceKey != null) {
            select.setString(3, spaceKey);
        }
    }

    private static Collection<String> distinctReasons(Collection<String> reasons) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String reason : reasons == null || reasons.isEmpty() ? List.of("no reason given") : reasons) {
            String text = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
            distinct.add(text.length() > REASON_LENGTH ? text.substring(0, REASON_LENGTH - 1) + "…" : text);
        }
        return distinct;
    }

    /** One counter row: (space, time, key) of a table; the time is an epoch hour or a day. */
    private record Counter(String table, String timeColumn, String keyColumn, String spaceKey, Object time, String key) {

        /** Raises the counter by {@code pages}, creating it at that. */
        void raise(Connection connection, int pages) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET pages = pages + ?"
                    + " WHERE space_key = ? AND " + timeColumn + " = ? AND " + keyColumn + " = ?")) {
                update.setInt(1, pages);
                update.setString(2, spaceKey);
                update.setObject(3, time);
                update.setString(4, key);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            // a concurrent first insert of the same key fails the unique key: Transactions runs the work again
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (space_key, " + timeColumn + ", " + keyColumn + ", pages) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, spaceKey);
                insert.setObject(2, time);
                insert.setString(3, key);
                insert.setInt(4, pages);
                insert.executeUpdate();
            }
        }

        /** Rows are locked in this order by every writer, so that two never wait for each other. */
        String order() {
            return table + '\u0000' + spaceKey + '\u0000' + time + '\u0000' + key;
        }
    }

    /** The counts a shared transaction gathered, raised once before it commits. */
    private final class Tally implements SharedTransaction.BeforeCommit {
        private final Map<Counter, Integer> counts = new TreeMap<>(Comparator.comparing(Counter::order));

        void add(Counter counter) {
            counts.merge(counter, 1, Integer::sum);
        }

        void raise() {
            transactions.run("count import attempts", connection -> {
                for (Map.Entry<Counter, Integer> count : counts.entrySet()) {
                    count.getKey().raise(connection, count.getValue());
                }
                return null;
            });
        }

        /** Within the transaction's own savepoint: a failure is undone alone and the page commits uncounted. */
        @Override
        public void flush() {
            try {
                raise();
            } catch (StoreException e) {
                LOG.warn("could not count the import attempts of a page in the analytics: {}", e.getMessage());
            }
        }
    }

    /** Attempts of one space, bucket and outcome. */
    public record Count(String spaceKey, Instant bucketStart, ImportAttempt attempt, long pages) {
    }

    /** How many failed pages of a space gave a reason. */
    public record Reason(String spaceKey, String reason, long pages) {
    }
}
