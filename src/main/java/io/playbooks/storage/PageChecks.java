package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers the last version of each page that was looked at and what came of it (see V2__page_checks.sql). */
public class PageChecks {

    private final Transactions transactions;
    private final Clock clock;

    public PageChecks(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    public void record(String spaceKey, String pageId, int sourceVersion, String outcome) {
        transactions.run("record the check of page " + pageId, connection -> {
            write(connection, spaceKey, pageId, sourceVersion, outcome, clock.instant());
            return null;
        });
    }

    /** Notes a check inside a transaction the caller runs (a save writes its page and its check in one commit). */
    static void write(Connection connection, String spaceKey, String pageId, int sourceVersion, String outcome,
                      Instant checkedAt) throws SQLException {
        Timestamp now = Timestamp.from(checkedAt);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE page_checks SET source_version = ?, outcome = ?, checked_at = ? WHERE space_key = ? AND page_id = ?")) {
            update.setInt(1, sourceVersion);
            update.setString(2, outcome);
            update.setTimestamp(3, now);
            update.setString(4, spaceKey);
            update.setString(5, pageId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO page_checks (space_key, page_id, source_version, outcome, checked_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, spaceKey);
            insert.setString(2, pageId);
            insert.setInt(3, sourceVersion);
            insert.setString(4, outcome);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
    }

    /** The last check of a page, if it was ever looked at. */
    public Optional<Check> last(String spaceKey, String pageId) {
        return transactions.run("read the check of page " + pageId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT source_version, outcome FROM page_checks WHERE space_key = ? AND page_id = ?")) {
                select.setString(1, spaceKey);
                select.setString(2, pageId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Check(row.getInt(1), row.getString(2))) : Optional.<Check>empty();
                }
            }
        });
    }

    /** The last check of every page of a space that was ever looked at, by page id (a reconcile reads them at once). */
    public Map<String, Check> ofSpace(String spaceKey) {
        return transactions.run("read the checks of space " + spaceKey, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT page_id, source_version, outcome FROM page_checks WHERE space_key = ?")) {
                select.setString(1, spaceKey);
                Map<String, Check> checks = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        checks.put(rows.getString(1), new Check(rows.getInt(2), rows.getString(3)));
                    }
                }
                return checks;
            }
        });
    }

    /** A page seen at {@code sourceVersion}; {@code outcome} is the import outcome's name (CREATED, NOT_PLAYBOOK...). */
    public record Check(int sourceVersion, String outcome) {
    }
}
