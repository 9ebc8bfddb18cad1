package io.playbooks.learning;

import io.playbooks.storage.Transactions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The execution reports of playbooks (table playbook_executions, V6). */
public class ExecutionLog {

    private final Transactions transactions;
    private final Clock clock;

    public ExecutionLog(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores a report and its 'executed' use in one transaction, and returns it as stored. */
    public Execution add(long playbookId, ExecutionReport report, UsageChannel channel) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return transactions.run("store an execution of playbook " + playbookId, connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO playbook_executions (playbook_id, outcome, duration_ms, notes, channel, reported_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, playbookId);
                insert.setString(2, report.outcome().code());
                insert.setLong(3, report.durationMs());
                insert.setString(4, report.notes());
                insert.setString(5, channel.code());
                insert.setObject(6, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for the execution");
                    }
                    id = keys.getLong(1);
                }
            }
            UsageLog.insert(connection, playbookId, UsageKind.EXECUTED, channel, now);
            return new Execution(id, playbookId, report.outcome(), report.durationMs(), report.notes(), channel,
                    now.toInstant());
        });
    }

    /** The newest {@code limit} reports of a playbook, newest first. */
    public List<Execution> newest(long playbookId, int limit) {
        return transactions.run("read the executions of playbook " + playbookId, connection -> {
            List<Execution> executions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, outcome, duration_ms, notes, channel, reported_at FROM playbook_executions
                     WHERE playbook_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY
                    """)) {
                select.setLong(1, playbookId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        executions.add(new Execution(rows.getLong(1), playbookId,
                                ExecutionOutcome.fromCode(rows.getString(2)).orElseThrow(), rows.getLong(3),
                                rows.getString(4), UsageChannel.of(rows.getString(5)),
                                rows.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return executions;
        });
    }

    public long count(long playbookId) {
        return transactions.run("count the executions of playbook " + playbookId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM playbook_executions WHERE playbook_id = ?")) {
                select.setLong(1, playbookId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** How many runs of each outcome every playbook has had (playbooks without a report are left out). */
    public Map<Long, OutcomeTally> tallies() {
        return transactions.run("count the outcomes of playbooks", connection -> {
            Map<Long, Map<ExecutionOutcome, Long>> counts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT playbook_id, outcome, COUNT(*) FROM playbook_executions GROUP BY playbook_id, outcome");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getLong(1), id -> new EnumMap<>(ExecutionOutcome.class))
                            .put(ExecutionOutcome.fromCode(rows.getString(2)).orElseThrow(), rows.getLong(3));
                }
            }
            Map<Long, OutcomeTally> tallies = new HashMap<>();
            counts.forEach((id, byOutcome) -> tallies.put(id, new OutcomeTally(byOutcome)));
            return tallies;
        });
    }
}
