package io.playbooks.storage;

import io.playbooks.page.Attachment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of the store: SQL and row mapping of summaries, details, versions and sync state. */
final class PlaybookQueries {

    /** The newest content version of each playbook (outdated ones keep their last content). */
    private static final String SUMMARY_FROM = """
             FROM playbooks p
             LEFT JOIN playbook_versions c ON c.playbook_id = p.id AND c.version_no =
                 (SELECT MAX(l.version_no) FROM playbook_versions l WHERE l.playbook_id = p.id AND l.kind = 'content')
            """;
    /**
     * The newest version number of every playbook and that of its newest content version, in one pass over the
     * versions: for reads of every playbook, where a lookup per playbook (as in {@link #SUMMARY_FROM}) costs PostgreSQL
     * about twice as much. Reads of one playbook or a page of them keep the lookup, which reads only theirs.
     */
    static final String NEWEST_VERSIONS = """
            (SELECT playbook_id, MAX(version_no) AS newest,
                    MAX(CASE WHEN kind = 'content' THEN version_no END) AS newest_content
               FROM playbook_versions GROUP BY playbook_id)""";
    private static final String PLAYBOOK_COLUMNS = """
            SELECT p.id, p.slug, p.name, p.category, p.page_id, p.space_key, p.confluence_url, p.created_at,
                   p.updated_at, p.outdated, p.outdated_reason, c.id AS content_version_id, c.source_version,
                   c.step_count, c.created_at AS last_imported,\s""";
    private static final String SUMMARY_COLUMNS = PLAYBOOK_COLUMNS
            + "(SELECT MAX(a.version_no) FROM playbook_versions a WHERE a.playbook_id = p.id) AS version_number";
    private static final String DETAIL_COLUMNS = SUMMARY_COLUMNS + ", c.yaml, c.playbook_json";

    static final String LIST = PLAYBOOK_COLUMNS + "n.newest AS version_number FROM playbooks p LEFT JOIN "
            + NEWEST_VERSIONS + """
             n ON n.playbook_id = p.id
              LEFT JOIN playbook_versions c ON c.playbook_id = p.id AND c.version_no = n.newest_content
             ORDER BY LOWER(p.name), p.id
            """;
    static final String DETAIL_BY_ID = DETAIL_COLUMNS + SUMMARY_FROM + " WHERE p.id = ?";
    static final String DETAIL_BY_SLUG = DETAIL_COLUMNS + SUMMARY_FROM + " WHERE p.slug = ?";
    static final String DETAIL_BY_PAGE = DETAIL_COLUMNS + SUMMARY_FROM + " WHERE p.space_key = ? AND p.page_id = ?";
    static final String DETAILS_AFTER = DETAIL_COLUMNS + SUMMARY_FROM
            + " WHERE p.id > ? ORDER BY p.id FETCH FIRST ? ROWS ONLY";
    private static final String LAST_ID_OF_PAGE = """
            SELECT MAX(id) FROM (SELECT id FROM playbooks WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY) page
            """;
    static final String UPDATED_SINCE = "SELECT id, updated_at FROM playbooks WHERE updated_at >= ? ORDER BY updated_at";

    private static final String ATTACHMENTS = """
            SELECT attachment_id, file_name, media_type, attachment_version, download_url
              FROM version_attachments WHERE version_id = ? ORDER BY id
            """;
    static final String VERSIONS = """
            SELECT id, version_no, kind, source_version, content_hash, step_count, forced, reason, created_at, yaml
              FROM playbook_versions WHERE playbook_id = ? ORDER BY version_no DESC
            """;
    static final String LATEST_FOR_PAGE = """
            SELECT v.playbook_id, v.id, v.version_no, v.source_version, v.content_hash, v.kind
              FROM playbook_versions v JOIN playbooks p ON p.id = v.playbook_id
             WHERE p.space_key = ? AND p.page_id = ?
             ORDER BY v.version_no DESC FETCH FIRST 1 ROWS ONLY
            """;
    static final String LATEST_KINDS = """
            SELECT p.page_id, v.kind FROM playbooks p JOIN playbook_versions v ON v.playbook_id = p.id
             WHERE p.space_key = ? AND v.version_no = (SELECT MAX(l.version_no) FROM playbook_versions l WHERE l.playbook_id = p.id)
             ORDER BY p.page_id
            """;
    static final String SYNC_STATE = """
            SELECT space_key, watermark, last_sync_at, last_reconcile_at FROM sync_state WHERE space_key = ?
            """;

    private PlaybookQueries() {
    }

    /** The playbook JSON of the newest content version of each of these playbooks that has one, by id. */
    static Map<Long, String> contentJson(Connection connection, Collection<Long> playbookIds) throws SQLException {
        if (playbookIds.isEmpty()) {
            return Map.of();
        }
        String ids = String.join(", ", Collections.nCopies(playbookIds.size(), "?"));
        try (PreparedStatement statement = prepare(connection, "SELECT p.id, c.playbook_json" + SUMMARY_FROM
                + " WHERE p.id IN (" + ids + ") AND c.playbook_json IS NOT NULL", playbookIds.toArray());
             ResultSet rows = statement.executeQuery()) {
            Map<Long, String> json = new HashMap<>();
            while (rows.next()) {
                json.put(rows.getLong(1), rows.getString(2));
            }
            return json;
        }
    }

    static List<PlaybookSummary> summaries(Connection connection) throws SQLException {
        Map<Long, List<OutdatedFlag>> flags = Flags.all(connection);
        try (PreparedStatement statement = connection.prepareStatement(LIST);
             ResultSet rows = statement.executeQuery()) {
            List<PlaybookSummary> summaries = new ArrayList<>();
            while (rows.next()) {
                summaries.add(summary(rows, flags.getOrDefault(rows.getLong("id"), List.of())));
            }
            return summaries;
        }
    }

    static Optional<PlaybookDetail> detail(Connection connection, String sql, Object... keys) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, keys);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            PlaybookSummary summary = summary(rows, Flags.of(connection, rows.getLong("id")));
            long contentVersionId = rows.getLong("content_version_id");
            List<Attachment> attachments = rows.wasNull() ? List.of() : attachments(connection, contentVersionId);
            return Optional.of(new PlaybookDetail(summary, rows.getString("yaml"), rows.getString("playbook_json"),
                    attachments));
        }
    }

    /**
     * Details without their attachments, by id, after {@code afterId}: one page of a full read, with the flags of that
     * page's playbooks only (all of them at every page made a full read cost pages times flags).
     */
    static List<PlaybookDetail> detailsAfter(Connection connection, long afterId, int max) throws SQLException {
        Map<Long, List<OutdatedFlag>> flags = Flags.between(connection, afterId, lastIdOfPage(connection, afterId, max));
        try (PreparedStatement statement = prepare(connection, DETAILS_AFTER, afterId, max);
             ResultSet rows = statement.executeQuery()) {
            List<PlaybookDetail> details = new ArrayList<>();
            while (rows.next()) {
                PlaybookSummary summary = summary(rows, flags.getOrDefault(rows.getLong("id"), List.of()));
                details.add(new PlaybookDetail(summary, rows.getString("yaml"), rows.getString("playbook_json"),
                        List.of()));
            }
            return details;
        }
    }

    private static long lastIdOfPage(Connection connection, long afterId, int max) throws SQLException {
        try (PreparedStatement statement = prepare(connection, LAST_ID_OF_PAGE, afterId, max);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long lastId = rows.getLong(1);
            return rows.wasNull() ? afterId : lastId;
        }
    }

    static List<PlaybookChange> updatedSince(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement statement = prepare(connection, UPDATED_SINCE, since.atOffset(ZoneOffset.UTC));
             ResultSet rows = statement.executeQuery()) {
            List<PlaybookChange> changes = new ArrayList<>();
            while (rows.next()) {
                changes.add(new PlaybookChange(rows.getLong(1), instant(rows, "updated_at")));
            }
            return changes;
        }
    }

    static List<PlaybookVersion> versions(Connection connection, long playbookId) throws SQLException {
        try (PreparedStatement statement = prepare(connection, VERSIONS, playbookId);
             ResultSet rows = statement.executeQuery()) {
            List<PlaybookVersion> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(new PlaybookVersion(rows.getLong("id"), rows.getInt("version_no"),
                        VersionKind.fromCode(rows.getString("kind")), rows.getInt("source_version"),
                        rows.getString("content_hash"), rows.getInt("step_count"), rows.getBoolean("forced"),
                        rows.getString("reason"), instant(rows, "created_at"), rows.getString("yaml")));
            }
            return versions;
        }
    }

    static Optional<StoredVersion> latestForPage(Connection connection, String spaceKey, String pageId)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, LATEST_FOR_PAGE, spaceKey, pageId);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredVersion(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getInt(4),
                    rows.getString(5), VersionKind.fromCode(rows.getString(6))));
        }
    }

    static Map<String, VersionKind> latestKinds(Connection connection, String spaceKey) throws SQLException {
        try (PreparedStatement statement = prepare(connection, LATEST_KINDS, spaceKey);
             ResultSet rows = statement.executeQuery()) {
            Map<String, VersionKind> kinds = new LinkedHashMap<>();
            while (rows.next()) {
                kinds.put(rows.getString(1), VersionKind.fromCode(rows.getString(2)));
            }
            return kinds;
        }
    }

    static Optional<SyncState> syncState(Connection connection, String spaceKey) throws SQLException {
        try (PreparedStatement statement = prepare(connection, SYNC_STATE, spaceKey);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new SyncState(rows.getString("space_key"), instant(rows, "watermark"),
                    instant(rows, "last_sync_at"), instant(rows, "last_reconcile_at")));
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PlaybookSummary summary(ResultSet rows, List<OutdatedFlag> flags) throws SQLException {
        return new PlaybookSummary(rows.getLong("id"), rows.getString("slug"), rows.getString("name"),
                rows.getString("category"), rows.getString("page_id"), rows.getString("space_key"),
                rows.getString("confluence_url"), rows.getInt("source_version"), instant(rows, "last_imported"),
                instant(rows, "created_at"), instant(rows, "updated_at"), rows.getBoolean("outdated"),
                rows.getString("outdated_reason"), rows.getInt("step_count"), rows.getInt("version_number"), flags);
    }

    static List<Attachment> attachments(Connection connection, long versionId) throws SQLException {
        try (PreparedStatement statement = prepare(connection, ATTACHMENTS, versionId);
             ResultSet rows = statement.executeQuery()) {
            List<Attachment> attachments = new ArrayList<>();
            while (rows.next()) {
                attachments.add(new Attachment(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getInt(4), rows.getString(5)));
            }
            return attachments;
        }
    }
}
