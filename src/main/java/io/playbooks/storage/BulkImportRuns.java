package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each unfinished bulk import stands (see V10__bulk_import_runs.sql): a run is started or taken over, moves
 * on page by page, and is either finished (its row goes) or stopped with the state that says why. Each page done
 * writes only its own row, with the resume position as it stood then (V14): the pages' parallel transactions never
 * wait for one another. The run's position is that of the page row inserted last; rows are numbered as inserted, not
 * as committed, so it may be a little older than the newest one, which only lists a few pages again (skipped as done).
 */
public class BulkImportRuns {

    /** Stopped by a shutdown: the next start resumes it. */
    public static final String INTERRUPTED = "interrupted";
    /** Stopped by a failure (Confluence, the database): the next bulk import of the space resumes it. */
    public static final String FAILED = "failed";
    private static final String RUNNING = "running";
    private static final String CLAIMED = "claimed";

    private final Transactions transactions;

    public BulkImportRuns(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Starts the bulk import of a space: takes over the space's unfinished run when there is one (the returned run
     * says where it stopped and which pages it did), else begins a new one.
     */
    public Run start(String spaceKey, boolean forceUpdate, Instant now) {
        return transactions.run("start the bulk import of space " + spaceKey, connection -> {
            Optional<Run> stopped = find(connection, spaceKey);
            if (stopped.isPresent()) {
                update(connection, "UPDATE bulk_import_runs SET state = ?, stopped_at = NULL WHERE space_key = ?", RUNNING, spaceKey);
                return stopped.get().withDonePages(donePages(connection, spaceKey));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_import_runs"
                    + " (space_key, state, force_update, started_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, spaceKey);
                insert.setString(2, RUNNING);
                insert.setBoolean(3, forceUpdate);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
            }
            return new Run(spaceKey, RUNNING, forceUpdate, null, 0, now, null, Map.of());
        });
    }

    /**
     * One more page done at its version; the listing position a resume would start from now. A page done before at
     * another version (edited since a stopped run did it) is done again at the new one.
     */
    public void pageDone(String spaceKey, String pageId, int sourceVersion, String position) {
        transactions.run("record page " + pageId + " of the bulk import of space " + spaceKey, connection -> {
            // deleted and inserted again, so that a page redone is the last page done
            update(connection, "DELETE FROM bulk_import_pages WHERE space_key = ? AND page_id = ?", spaceKey, pageId);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bulk_import_pages (space_key, page_id, source_version, position) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, spaceKey);
                insert.setString(2, pageId);
                insert.setInt(3, sourceVersion);
                insert.setString(4, position);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The run stopped before its end ({@link #INTERRUPTED} or {@link #FAILED}); its position and pages stay. */
    public void stopped(String spaceKey, String state, Instant at) {
        transactions.run("record the stop of the bulk import of space " + spaceKey, connection -> {
            try (PreparedStatement stop = connection.prepareStatement(
                    "UPDATE bulk_import_runs SET state = ?, stopped_at = ? WHERE space_key = ?")) {
                stop.setString(1, state);
                stop.setTimestamp(2, Timestamp.from(at));
                stop.setString(3, spaceKey);
                stop.executeUpdate();
            }
            return null;
        });
    }

    /** The run went through the whole listing: nothing is left to resume. */
    public void finished(String spaceKey) {
        transactions.run("finish the bulk import of space " + spaceKey, connection -> {
            update(connection, "DELETE FROM bulk_import_pages WHERE space_key = ?", spaceKey);
            update(connection, "DELETE FROM bulk_import_runs WHERE space_key = ?", spaceKey);
            return null;
        });
    }

    /**
     * Claims the runs a shutdown interrupted, for this instance to resume (another instance on the same database
     * gets none of them): each as it stood, without its pages ({@link #start} takes it over).
     */
    public List<Run> claimInterrupted() {
        return transactions.run("claim the interrupted bulk imports", connection -> {
            List<Run> claimed = new ArrayList<>();
            for (Run run : withState(connection, INTERRUPTED)) {
                if (update(connection, "UPDATE bulk_import_runs SET state = ? WHERE space_key = ? AND state = ?",
                        CLAIMED, run.spaceKey(), INTERRUPTED) == 1) {
                    claimed.add(run);
                }
            }
            return claimed;
        });
    }

    /** The space's unfinished run, if there is one, without its pages. */
    public Optional<Run> find(String spaceKey) {
        return transactions.run("read the bulk import of space " + spaceKey, connection -> find(connection, spaceKey));
    }

    private static Optional<Run> find(Connection connection, String spaceKey) throws SQLException {
        List<Run> runs = select(connection, "WHERE r.space_key = ?", spaceKey);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private static List<Run> withState(Connection connection, String state) throws SQLException {
        return select(connection, "WHERE r.state = ? ORDER BY r.stopped_at", state);
    }

    private static List<Run> select(Connection connection, String where, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT r.space_key, r.state, r.force_update,"
                + " (SELECT p.position FROM bulk_import_pages p WHERE p.space_key = r.space_key"
                + " ORDER BY p.done_order DESC FETCH FIRST 1 ROWS ONLY),"
                + " (SELECT COUNT(*) FROM bulk_import_pages p WHERE p.space_key = r.space_key),"
                + " r.started_at, r.stopped_at FROM bulk_import_runs r " + where)) {
            select.setString(1, value);
            List<Run> runs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp stoppedAt = row.getTimestamp(7);
                    runs.add(new Run(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4), row.getInt(5),
                            row.getTimestamp(6).toInstant(), stoppedAt == null ? null : stoppedAt.toInstant(), Map.of()));
                }
            }
            return runs;
        }
    }

    private static Map<String, Integer> donePages(Connection connection, String spaceKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT page_id, source_version FROM bulk_import_pages WHERE space_key = ?")) {
            select.setString(1, spaceKey);
            Map<String, Integer> done = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    done.put(row.getString(1), row.getInt(2));
                }
            }
            return done;
        }
    }

    private static int update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * An unfinished bulk import.
     *
     * @param position  the listing call a resume starts from (null: the start of the listing)
     * @param pagesDone pages done so far, by all the runs that worked on it
     * @param donePages the pages done, by id, at the version they were done at (filled by {@link #start} only)
     */
    public record Run(String spaceKey, String state, boolean forceUpdate, String position, int pagesDone,
                      Instant startedAt, Instant stoppedAt, Map<String, Integer> donePages) {

        /** Whether an earlier run got somewhere, so that this one resumes rather than starts. */
        public boolean resumes() {
            return position != null || pagesDone > 0;
        }

        Run withDonePages(Map<String, Integer> pages) {
            return new Run(spaceKey, state, forceUpdate, position, pagesDone, startedAt, stoppedAt, Map.copyOf(pages));
        }
    }
}
