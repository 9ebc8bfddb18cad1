package io.playbooks.learning;

import io.playbooks.storage.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The uses of playbooks (table playbook_usage, V4): one cheap insert per use, read back as daily counts. */
public class UsageLog {

    private static final String DAILY = """
            SELECT playbook_id, kind, CAST(used_at AT TIME ZONE 'UTC' AS DATE) AS use_day, COUNT(*) FROM playbook_usage
             WHERE used_at >= ? GROUP BY playbook_id, kind, CAST(used_at AT TIME ZONE 'UTC' AS DATE)
            """;

    private final Transactions transactions;
    private final Clock clock;

    public UsageLog(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public void record(long playbookId, UsageKind kind, UsageChannel channel) {
        transactions.run("record a use of playbook " + playbookId, connection -> {
            insert(connection, playbookId, kind, channel, now());
            return null;
        });
    }

    /** Inserts a use within a transaction of the caller (an execution report adds its use with the report). */
    static void insert(Connection connection, long playbookId, UsageKind kind, UsageChannel channel, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO playbook_usage (playbook_id, kind, channel, used_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, playbookId);
            insert.setString(2, kind.code());
            insert.setString(3, channel.code());
            insert.setObject(4, at);
            insert.executeUpdate();
        }
    }

    /** Uses since {@code since}, counted per playbook, kind and UTC day: few rows however many uses there were. */
    public List<DailyUse> dailySince(Instant since) {
        return transactions.run("count the uses of playbooks", connection -> {
            List<DailyUse> days = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(DAILY)) {
                select.setObject(1, since.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(new DailyUse(rows.getLong(1), UsageKind.fromCode(rows.getString(2)),
                                rows.getObject(3, LocalDate.class), rows.getLong(4)));
                    }
                }
            }
            return days;
        });
    }

    /**
     * The newest use and the newest stored version, as one number pair: when neither moved, no score can have
     * changed except by the passing of time.
     */
    public Fingerprint fingerprint() {
        return transactions.run("read the newest use and version", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT (SELECT MAX(id) FROM playbook_usage), (SELECT MAX(id) FROM playbook_versions)");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new Fingerprint(row.getLong(1), row.getLong(2));
            }
        });
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** {@code count} uses of one kind of one playbook on one UTC day. */
    public record DailyUse(long playbookId, UsageKind kind, LocalDate day, long count) {
    }

    public record Fingerprint(long newestUse, long newestVersion) {
    }
}
