package io.playbooks.storage;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The analytics read side: figures per space as they stand, version activity over time, the most used playbooks. */
public class AnalyticsQueries {

    private static final String PAGE_CHECKS = """
            SELECT space_key, COUNT(*),
                   SUM(CASE WHEN outcome IN ('CREATED', 'UPDATED', 'UNCHANGED', 'FAILED') THEN 1 ELSE 0 END),
                   SUM(CASE WHEN outcome = 'FAILED' THEN 1 ELSE 0 END)
              FROM page_checks GROUP BY space_key
            """;
    /** Outdated playbooks count apart; the steps are those of each current playbook's newest content version. */
    private static final String PLAYBOOKS = """
            SELECT p.space_key,
                   SUM(CASE WHEN p.outdated THEN 0 ELSE 1 END),
                   SUM(CASE WHEN p.outdated THEN 1 ELSE 0 END),
                   SUM(CASE WHEN p.outdated THEN 0 ELSE COALESCE(q.steps, 0) END),
                   SUM(CASE WHEN p.outdated THEN 0 ELSE COALESCE(q.concrete_steps, 0) END),
                   SUM(CASE WHEN p.outdated THEN 0 ELSE COALESCE(q.noop_steps, 0) END)
              FROM playbooks p
              LEFT JOIN\s""" + PlaybookQueries.NEWEST_VERSIONS + """
             n ON n.playbook_id = p.id
              LEFT JOIN playbook_versions c ON c.playbook_id = p.id AND c.version_no = n.newest_content
              LEFT JOIN version_step_quality q ON q.version_id = c.id
             GROUP BY p.space_key
            """;
    private static final String USED = """
            SELECT p.space_key, COUNT(DISTINCT u.playbook_id)
              FROM playbook_usage u JOIN playbooks p ON p.id = u.playbook_id
             WHERE u.used_at >= ? AND NOT p.outdated
             GROUP BY p.space_key
            """;
    /** Uses are summed per playbook id first (a number), then the few on top get their names. */
    private static final String MOST_USED = """
            SELECT p.id, p.slug, p.name, p.space_key, u.total, u.fetched, u.search_opened, u.executed
              FROM (SELECT playbook_id, COUNT(*) AS total,
                           SUM(CASE WHEN kind = 'fetched' THEN 1 ELSE 0 END) AS fetched,
                           SUM(CASE WHEN kind = 'search_opened' THEN 1 ELSE 0 END) AS search_opened,
                           SUM(CASE WHEN kind = 'executed' THEN 1 ELSE 0 END) AS executed
                      FROM playbook_usage WHERE used_at >= ? AND used_at < ? GROUP BY playbook_id) u
              JOIN playbooks p ON p.id = u.playbook_id %s
             ORDER BY u.total DESC, p.id LIMIT ?
            """;

    private final Transactions transactions;

    public AnalyticsQueries(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /** The figures of every space that has checked pages or playbooks; "used" counts use since {@code usedSince}. */
    public Map<String, SpaceFigures> currentFigures(Instant usedSince) {
        return transactions.run("read the figures of the spaces", connection -> {
            Map<String, SpaceFigures> spaces = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(PAGE_CHECKS);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    spaces.put(rows.getString(1), figures(spaces, rows.getString(1))
                            .withPageChecks(rows.getInt(2), rows.getInt(3), rows.getInt(4)));
                }
            }
            try (PreparedStatement select = connection.prepareStatement(PLAYBOOKS);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    spaces.put(rows.getString(1), figures(spaces, rows.getString(1)).withPlaybooks(rows.getInt(2),
                            rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6)));
                }
            }
            try (PreparedStatement select = connection.prepareStatement(USED)) {
                select.setObject(1, usedSince.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        spaces.put(rows.getString(1), figures(spaces, rows.getString(1)).withUsed(rows.getInt(2)));
                    }
                }
            }
            return spaces;
        });
    }

    /** New content versions and distinct playbooks changed per space and bucket in [from, to). */
    public List<Activity> versionActivity(Instant from, Instant to, TimeBucket bucket, String spaceKey) {
        String number = bucket.sqlNumber("v.created_at");
        return activity(from, to, spaceKey, "p.space_key, " + number, number + " AS bucket_no", bucket);
    }

    /** New content versions and distinct playbooks changed per space over the whole of [from, to). */
    public List<Activity> versionActivity(Instant from, Instant to, String spaceKey) {
        return activity(from, to, spaceKey, "p.space_key", "0", null);
    }

    /** The playbooks used most in [from, to), with their uses by kind; {@code spaceKey} null for every space. */
    public List<Usage> mostUsed(Instant from, Instant to, int limit, String spaceKey) {
        String sql = MOST_USED.formatted(spaceKey == null ? "" : "WHERE p.space_key = ?");
        return transactions.run("read the most used playbooks", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = bindRange(select, from, to, spaceKey);
                select.setInt(index, limit);
                List<Usage> usage = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        usage.add(new Usage(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8)));
                    }
                }
                return usage;
            }
        });
    }

    private List<Activity> activity(Instant from, Instant to, String spaceKey, String groupBy, String bucketColumn,
                                    TimeBucket bucket) {
        String sql = "SELECT p.space_key, " + bucketColumn + ", COUNT(*), COUNT(DISTINCT v.playbook_id)"
                + " FROM playbook_versions v JOIN playbooks p ON p.id = v.playbook_id"
                + " WHERE v.kind = 'content' AND v.created_at >= ? AND v.created_at < ?"
                + (spaceKey == null ? "" : " AND p.space_key = ?")
                + " GROUP BY " + groupBy + " ORDER BY p.space_key";
        return transactions.run("read the version activity", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                bindRange(select, from, to, spaceKey);
                List<Activity> activity = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        activity.add(new Activity(rows.getString(1), bucket == null ? from : bucket.start(rows.getLong(2)),
                                rows.getLong(3), rows.getLong(4)));
                    }
                }
                return activity;
            }
        });
    }

    private static int bindRange(PreparedStatement select, Instant from, Instant to, String spaceKey)
            throws SQLException {
        select.setObject(1, from.atOffset(ZoneOffset.UTC));
        select.setObject(2, to.atOffset(ZoneOffset.UTC));
        if (spaceKey == null) {
            return 3;
        }
        select.setString(3, spaceKey);
        return 4;
    }

    private static SpaceFigures figures(Map<String, SpaceFigures> spaces, String spaceKey) {
        return spaces.getOrDefault(spaceKey, SpaceFigures.NONE);
    }

    /** Content versions stored for a space in one bucket, and how many playbooks they belong to. */
    public record Activity(String spaceKey, Instant bucketStart, long newVersions, long playbooksChanged) {
    }

    /** Uses of one playbook in a window, in all and by kind (fetched, search_opened, executed). */
    public record Usage(long playbookId, String slug, String name, String spaceKey, long total, long fetched,
                        long searchOpened, long executed) {
    }
}
