package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of each space, one row per space and day: the day's last snapshot wins (V8__analytics.sql). */
public class SpaceSnapshots {

    private static final String COLUMNS = "pages_checked, playbook_pages, invalid_pages, playbooks, outdated, steps,"
            + " concrete_steps, noop_steps, used_playbooks";

    private final Transactions transactions;

    public SpaceSnapshots(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /** Writes (or rewrites) the snapshot of {@code day} for every space given, in one transaction. */
    public void save(LocalDate day, Map<String, SpaceFigures> spaces, Instant takenAt) {
        transactions.run("save the space snapshots of " + day, connection -> {
            for (Map.Entry<String, SpaceFigures> space : spaces.entrySet()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM space_snapshots WHERE space_key = ? AND snapshot_day = ?")) {
                    delete.setString(1, space.getKey());
                    delete.setObject(2, day);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO space_snapshots (space_key,"
                        + " snapshot_day, " + COLUMNS + ", taken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    SpaceFigures f = space.getValue();
                    insert.setString(1, space.getKey());
                    insert.setObject(2, day);
                    int[] values = {f.pagesChecked(), f.playbookPages(), f.invalidPages(), f.playbooks(), f.outdated(),
                            f.steps(), f.concreteSteps(), f.noopSteps(), f.usedPlaybooks()};
                    for (int i = 0; i < values.length; i++) {
                        insert.setInt(3 + i, values[i]);
                    }
                    insert.setObject(12, takenAt.atOffset(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The snapshots of the days {@code from} to {@code to}, both included, by space then day. */
    public List<Snapshot> between(LocalDate from, LocalDate to, String spaceKey) {
        String sql = "SELECT space_key, snapshot_day, " + COLUMNS + " FROM space_snapshots"
                + " WHERE snapshot_day >= ? AND snapshot_day <= ?" + (spaceKey == null ? "" : " AND space_key = ?")
                + " ORDER BY space_key, snapshot_day";
        return transactions.run("read the space snapshots", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setObject(1, from);
                select.setObject(2, to);
                if (spaceKey != null) {
                    select.setString(3, spaceKey);
                }
                List<Snapshot> snapshots = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        snapshots.add(new Snapshot(rows.getString(1), rows.getObject(2, LocalDate.class),
                                new SpaceFigures(rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6),
                                        rows.getInt(7), rows.getInt(8), rows.getInt(9), rows.getInt(10), rows.getInt(11))));
                    }
                }
                return snapshots;
            }
        });
    }

    /** The figures of a space as of a day. */
    public record Snapshot(String spaceKey, LocalDate day, SpaceFigures figures) {
    }
}
