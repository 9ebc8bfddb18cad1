package io.playbooks.storage;

import io.playbooks.page.PageLink;

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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outdated flags of playbooks whose content is still the newest (stale, newer version, dead link), what the
 * checks that set them read, and the flags not yet announced. Tombstone flags are set by
 * {@link PlaybookStore#markOutdated}; every change rewrites the playbook's {@code outdated} summary columns.
 */
public class PlaybookFlags {

    private static final String LOCK = "SELECT id FROM playbooks WHERE id = ? FOR UPDATE";
    /** Flags raised in one transaction by {@link #raiseAll}. */
    static final int RAISES_PER_TRANSACTION = 200;
    /** Rows per {@code IN (...)} list when reading links and attachments of many versions. */
    private static final int IDS_PER_QUERY = 500;

    private static final String LIVE = """
            SELECT p.id, p.space_key, p.page_id, p.name, c.id AS version_id, c.source_version,
                   COALESCE(c.source_modified_at, c.created_at) AS modified_at, f.kind AS flag
              FROM playbooks p
              JOIN\s""" + PlaybookQueries.NEWEST_VERSIONS + """
             n ON n.playbook_id = p.id
              JOIN playbook_versions c ON c.playbook_id = p.id AND c.version_no = n.newest
              LEFT JOIN playbook_flags f ON f.playbook_id = p.id
             WHERE c.kind = 'content'
             ORDER BY p.id
            """;
    private static final String UNANNOUNCED = """
            SELECT f.playbook_id, f.kind, f.reason, f.detected_at, p.slug, p.name, p.category, p.page_id, p.space_key,
                   p.confluence_url
              FROM playbook_flags f JOIN playbooks p ON p.id = f.playbook_id
             WHERE f.announced_at IS NULL ORDER BY f.detected_at, f.playbook_id
            """;

    private final Transactions transactions;
    private final Clock clock;

    public PlaybookFlags(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /**
     * Sets a warning flag of a live playbook, or updates its reason; true when it did not hold before.
     *
     * @throws IllegalArgumentException for a tombstone kind (those come with {@link PlaybookStore#markOutdated})
     */
    public boolean raise(long playbookId, FlagKind kind, String reason) {
        return raiseAll(kind, Collections.singletonMap(playbookId, reason)) > 0;
    }

    /**
     * {@link #raise} on many playbooks, {@value #RAISES_PER_TRANSACTION} to a transaction and in id order: a check
     * that flags thousands at once (the first after importing old pages finds them all stale) spent about half its
     * time beginning and committing a transaction for each.
     *
     * @param reasons the reason of the flag, by playbook id
     * @return how many of them did not hold the flag before
     */
    public int raiseAll(FlagKind kind, Map<Long, String> reasons) {
        if (kind.tombstone()) {
            throw new IllegalArgumentException("flag " + kind.code() + " comes with a tombstone: use markOutdated");
        }
        reasons.forEach((playbookId, reason) -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("flag " + kind.code() + " of playbook " + playbookId + " needs a reason");
            }
        });
        List<Long> ids = List.copyOf(new TreeSet<>(reasons.keySet()));
        int raised = 0;
        for (int from = 0; from < ids.size(); from += RAISES_PER_TRANSACTION) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + RAISES_PER_TRANSACTION));
            String what = chunk.size() == 1 ? "flag playbook " + chunk.get(0) + " " + kind.code()
                    : "flag " + chunk.size() + " playbooks " + kind.code();
            raised += transactions.run(what, connection -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                // a flag that holds for the same reason is neither locked nor written: the daily full link check
                // raises again every dead link it still finds
                Map<Long, String> held = heldReasons(connection, kind, chunk);
                int newly = 0;
                // prepared once: H2 parses a SELECT ... FOR UPDATE at every prepare (its query cache leaves it out)
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    for (long playbookId : chunk) {
                        if (Flags.fit(reasons.get(playbookId)).equals(held.get(playbookId))) {
                            continue;
                        }
                        lock(lock, playbookId);
                        if (Flags.raise(connection, playbookId, kind, reasons.get(playbookId), now)) {
                            newly++;
                        }
                    }
                }
                return newly;
            });
        }
        return raised;
    }

    /** Removes a flag whose cause is gone; true when it held. */
    public boolean clear(long playbookId, FlagKind kind) {
        return transactions.run("clear flag " + kind.code() + " of playbook " + playbookId, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock(lock, playbookId);
            }
            return Flags.clear(connection, playbookId, EnumSet.of(kind));
        });
    }

    /** Every playbook whose newest version holds content, with the flags it carries. */
    public List<LivePlaybook> live() {
        return transactions.run("list the live playbooks", connection -> {
            List<LivePlaybook> live = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(LIVE);
                 ResultSet rows = select.executeQuery()) {
                LivePlaybook last = null;
                while (rows.next()) {
                    long id = rows.getLong("id");
                    if (last == null || last.playbookId() != id) {
                        last = new LivePlaybook(id, rows.getString("space_key"), rows.getString("page_id"),
                                rows.getString("name"), rows.getLong("version_id"), rows.getInt("source_version"),
                                PlaybookQueries.instant(rows, "modified_at"), EnumSet.noneOf(FlagKind.class));
                        live.add(last);
                    }
                    String flag = rows.getString("flag");
                    if (flag != null) {
                        last.flags().add(FlagKind.fromCode(flag));
                    }
                }
            }
            return live;
        });
    }

    /** The links each of these content versions holds, by version id (versions without links are left out). */
    public Map<Long, List<PageLink>> links(Collection<Long> versionIds) {
        Map<Long, List<PageLink>> links = new HashMap<>();
        forEachRow("read the links of " + versionIds.size() + " versions",
                "SELECT version_id, kind, target_space, target_title, file_name FROM version_links WHERE version_id IN",
                versionIds, rows -> links.computeIfAbsent(rows.getLong(1), v -> new ArrayList<>()).add(new PageLink(
                        PageLink.Kind.fromCode(rows.getString(2)), rows.getString(3), rows.getString(4),
                        rows.getString(5))));
        return links;
    }

    /** The attachment file names the page had at each of these versions, by version id. */
    public Map<Long, Set<String>> attachmentNames(Collection<Long> versionIds) {
        Map<Long, Set<String>> names = new HashMap<>();
        forEachRow("read the attachments of " + versionIds.size() + " versions",
                "SELECT version_id, file_name FROM version_attachments WHERE version_id IN", versionIds,
                rows -> names.computeIfAbsent(rows.getLong(1), v -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                        .add(rows.getString(2)));
        return names;
    }

    /**
     * The flags nobody was told about yet, each claimed (marked announced) so that no other caller or instance
     * announces it again; a flag cleared and raised later is announced anew.
     */
    public List<FlagNotice> claimUnannounced() {
        return transactions.run("claim the flags to announce", connection -> {
            List<FlagNotice> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(UNANNOUNCED);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new FlagNotice(rows.getLong("playbook_id"), rows.getString("slug"),
                            rows.getString("name"), rows.getString("category"), rows.getString("page_id"),
                            rows.getString("space_key"), rows.getString("confluence_url"),
                            new OutdatedFlag(FlagKind.fromCode(rows.getString("kind")), rows.getString("reason"),
                                    PlaybookQueries.instant(rows, "detected_at"))));
                }
            }
            Set<FlagNotice> claimed = new HashSet<>();
            Instant now = clock.instant();
            // claimed in playbook order, the order raiseAll writes flags in: two transactions never wait on each other
            List<FlagNotice> byPlaybook = pending.stream().sorted(Comparator.comparingLong(FlagNotice::playbookId)
                    .thenComparing(notice -> notice.flag().kind())).toList();
            for (FlagNotice notice : byPlaybook) {
                try (PreparedStatement claim = PlaybookQueries.prepare(connection, """
                        UPDATE playbook_flags SET announced_at = ?
                         WHERE playbook_id = ? AND kind = ? AND announced_at IS NULL
                        """, now.atOffset(ZoneOffset.UTC), notice.playbookId(), notice.flag().kind().code())) {
                    if (claim.executeUpdate() == 1) {
                        claimed.add(notice);
                    }
                }
            }
            return pending.stream().filter(claimed::contains).toList();
        });
    }

    private static Map<Long, String> heldReasons(Connection connection, FlagKind kind, List<Long> playbookIds)
            throws SQLException {
        Object[] values = new Object[playbookIds.size() + 1];
        values[0] = kind.code();
        for (int i = 0; i < playbookIds.size(); i++) {
            values[i + 1] = playbookIds.get(i);
        }
        Map<Long, String> held = new HashMap<>();
        try (PreparedStatement select = PlaybookQueries.prepare(connection,
                "SELECT playbook_id, reason FROM playbook_flags WHERE kind = ? AND playbook_id IN ("
                        + String.join(", ", Collections.nCopies(playbookIds.size(), "?")) + ")", values);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                held.put(rows.getLong(1), rows.getString(2));
            }
        }
        return held;
    }

    private static void lock(PreparedStatement lock, long playbookId) throws SQLException {
        lock.setLong(1, playbookId);
        try (ResultSet rows = lock.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalArgumentException("no playbook " + playbookId + " is stored");
            }
        }
    }

    private void forEachRow(String what, String selectIn, Collection<Long> ids, RowReader reader) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            String sql = selectIn + " (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ") ORDER BY id";
            transactions.run(what, connection -> {
                try (PreparedStatement select = PlaybookQueries.prepare(connection, sql, chunk.toArray());
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
                return null;
            });
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * A playbook whose newest version holds content.
     *
     * @param versionId     id of that content version
     * @param sourceVersion Confluence version of the page it was made from
     * @param modifiedAt    when the page was last edited at that version (when it was imported, for older versions)
     * @param flags         the flags it carries now
     */
    public record LivePlaybook(long playbookId, String spaceKey, String pageId, String name, long versionId,
                               int sourceVersion, Instant modifiedAt, Set<FlagKind> flags) {
    }

    /** A flag to announce, with the playbook it belongs to. */
    public record FlagNotice(long playbookId, String slug, String name, String category, String pageId,
                             String spaceKey, String confluenceUrl, OutdatedFlag flag) {
    }
}
