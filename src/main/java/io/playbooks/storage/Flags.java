package io.playbooks.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of {@code playbook_flags}, run inside a caller's transaction. Every change also rewrites the playbook's
 * {@code outdated} (any flag holds) and {@code outdated_reason} (the reasons, oldest first) from the flags, so those
 * columns keep their meaning for every reader.
 */
final class Flags {

    private static final String OF_PLAYBOOK = """
            SELECT kind, reason, detected_at FROM playbook_flags WHERE playbook_id = ? ORDER BY detected_at, kind
            """;
    private static final String ALL = """
            SELECT playbook_id, kind, reason, detected_at FROM playbook_flags ORDER BY playbook_id, detected_at, kind
            """;
    private static final String BETWEEN = """
            SELECT playbook_id, kind, reason, detected_at FROM playbook_flags WHERE playbook_id > ? AND playbook_id <= ?
             ORDER BY playbook_id, detected_at, kind
            """;

    /** The size of the reason columns. */
    private static final int MAX_REASON = 4000;

    private Flags() {
    }

    /**
     * Sets a flag, or its new reason when it holds already; true when it did not hold before. A flag that holds for the
     * same reason is left as it is: the checks of every sync raise again what still holds, and would otherwise rewrite
     * it and the playbook's summary columns each time.
     */
    static boolean raise(Connection connection, long playbookId, FlagKind kind, String reason, Instant now)
            throws SQLException {
        String fitted = fit(reason);
        String held = reasonOf(connection, playbookId, kind);
        if (fitted.equals(held)) {
            return false;
        }
        if (held == null) {
            try (PreparedStatement insert = PlaybookQueries.prepare(connection, """
                    INSERT INTO playbook_flags (playbook_id, kind, reason, detected_at) VALUES (?, ?, ?, ?)
                    """, playbookId, kind.code(), fitted, now.atOffset(ZoneOffset.UTC))) {
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = PlaybookQueries.prepare(connection,
                    "UPDATE playbook_flags SET reason = ? WHERE playbook_id = ? AND kind = ?", fitted, playbookId,
                    kind.code())) {
                update.executeUpdate();
            }
        }
        summarise(connection, playbookId);
        return held == null;
    }

    /** The reason of a flag that holds, or null. */
    private static String reasonOf(Connection connection, long playbookId, FlagKind kind) throws SQLException {
        try (PreparedStatement select = PlaybookQueries.prepare(connection,
                "SELECT reason FROM playbook_flags WHERE playbook_id = ? AND kind = ?", playbookId, kind.code());
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Removes the flags of these kinds; true when one held. */
    static boolean clear(Connection connection, long playbookId, Collection<FlagKind> kinds) throws SQLException {
        if (kinds.isEmpty()) {
            return false;
        }
        String in = kinds.stream().map(k -> "'" + k.code() + "'").collect(Collectors.joining(", "));
        boolean cleared;
        try (PreparedStatement delete = PlaybookQueries.prepare(connection,
                "DELETE FROM playbook_flags WHERE playbook_id = ? AND kind IN (" + in + ")", playbookId)) {
            cleared = delete.executeUpdate() > 0;
        }
        if (cleared) {
            summarise(connection, playbookId);
        }
        return cleared;
    }

    static List<OutdatedFlag> of(Connection connection, long playbookId) throws SQLException {
        try (PreparedStatement select = PlaybookQueries.prepare(connection, OF_PLAYBOOK, playbookId);
             ResultSet rows = select.executeQuery()) {
            List<OutdatedFlag> flags = new ArrayList<>();
            while (rows.next()) {
                flags.add(flag(rows));
            }
            return flags;
        }
    }

    /** The flags of every playbook that has any, by playbook id. */
    static Map<Long, List<OutdatedFlag>> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ALL)) {
            return byPlaybook(select);
        }
    }

    /** The flags of the playbooks whose id is above {@code afterId} and at most {@code lastId}, by playbook id. */
    static Map<Long, List<OutdatedFlag>> between(Connection connection, long afterId, long lastId) throws SQLException {
        try (PreparedStatement select = PlaybookQueries.prepare(connection, BETWEEN, afterId, lastId)) {
            return byPlaybook(select);
        }
    }

    private static Map<Long, List<OutdatedFlag>> byPlaybook(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            Map<Long, List<OutdatedFlag>> flags = new HashMap<>();
            while (rows.next()) {
                flags.computeIfAbsent(rows.getLong("playbook_id"), id -> new ArrayList<>()).add(flag(rows));
            }
            return flags;
        }
    }

    private static void summarise(Connection connection, long playbookId) throws SQLException {
        List<OutdatedFlag> flags = of(connection, playbookId);
        String reason = flags.isEmpty() ? null
                : flags.stream().map(OutdatedFlag::reason).collect(Collectors.joining("; "));
        try (PreparedStatement update = PlaybookQueries.prepare(connection,
                "UPDATE playbooks SET outdated = ?, outdated_reason = ? WHERE id = ?", !flags.isEmpty(),
                reason == null ? null : fit(reason), playbookId)) {
            update.executeUpdate();
        }
    }

    /** The reason as stored: cut to the column's size. */
    static String fit(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    private static OutdatedFlag flag(ResultSet rows) throws SQLException {
        return new OutdatedFlag(FlagKind.fromCode(rows.getString("kind")), rows.getString("reason"),
                PlaybookQueries.instant(rows, "detected_at"));
    }
}
