package io.playbooks.learning;

import io.playbooks.storage.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** The uses of playbooks (table playbook_usage, V4): one cheap insert per use, read back from an id on. */
public class UsageLog {


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

    /**
     * Calls {@code each} for every use with an id above {@code afterId}, in id order, and returns the highest id
     * read ({@code afterId} when there was none): the value scores read each use once, not the whole log each time.
     */
    public long forEachAfter(long afterId, Consumer<Use> each) {
        return transactions.run("read the uses of playbooks", connection -> {
            long highest = afterId;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, playbook_id, kind, used_at FROM playbook_usage WHERE id > ? ORDER BY id")) {
                select.setLong(1, afterId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Use use = new Use(rows.getLong(1), rows.getLong(2), UsageKind.fromCode(rows.getString(3)),
                                rows.getObject(4, OffsetDateTime.class).toInstant());
                        each.accept(use);
                        highest = Math.max(highest, use.id());
                    }
                }
            }
            return highest;
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

    /** One recorded use. */
    public record Use(long id, long playbookId, UsageKind kind, Instant usedAt) {
    }

    public record Fingerprint(long newestUse, long newestVersion) {
    }
}
