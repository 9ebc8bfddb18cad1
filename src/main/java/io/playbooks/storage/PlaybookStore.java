package io.playbooks.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.playbooks.conversion.Conversion;
import io.playbooks.page.Attachment;
import io.playbooks.page.PageLink;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Playbooks and their full history in a relational database (H2 or PostgreSQL), by plain JDBC.
 * Every write is one transaction: a playbook is stored whole or not at all. Saves of the same page from several
 * threads or processes are serialised on the playbook row, so a page is never stored twice.
 */
public class PlaybookStore {

    private static final String DEFAULT_CATEGORY = "general";
    private static final String UNIQUE_VIOLATION = "23505";
    /** Bounds the slug loop should a unique key other than the slug or the page ever fail the insert. */
    private static final int MAX_SLUG_TRIES = 1000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Transactions transactions;
    private final Clock clock;

    public PlaybookStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public PlaybookStore(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
    }

    /**
     * Stores the playbook of a conversion. The same page at the same Confluence version and content hash as its
     * newest version is UNCHANGED (nothing written) unless {@code force}; otherwise a new version is added, and a
     * playbook that was outdated is current again. The page's check ({@link PageChecks}, outcome = the save's
     * outcome) is written in the same transaction: one commit per page.
     *
     * @throws IllegalArgumentException when the conversion holds no playbook or the page has no id or space
     * @throws StoreException           when the database fails; nothing of the conversion is stored then
     */
    public SaveResult save(Conversion conversion, boolean force) {
        PageVersion incoming = PageVersion.of(conversion, force);
        SourcePage page = conversion.page();
        return transactions.run("save page " + describe(page), connection -> {
            SaveResult saved = save(connection, incoming);
            PageChecks.write(connection, page.spaceKey(), page.id(), page.version(), saved.outcome().name(), now());
            return saved;
        });
    }

    /**
     * Marks a page's playbook outdated because the page went away or stopped being a playbook: adds a tombstone
     * version and sets the flag of that kind (the only flag then: the warnings of a gone page say nothing more);
     * nothing is deleted. UNCHANGED when it is a tombstone already with that flag and reason.
     *
     * @throws IllegalArgumentException when no playbook of that page is stored, or the kind is not a tombstone kind
     */
    public SaveResult markOutdated(String spaceKey, String pageId, FlagKind kind, String reason) {
        String page = "space " + spaceKey + " page " + pageId;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("cannot mark " + page + " outdated without a reason");
        }
        if (kind == null || !kind.tombstone()) {
            throw new IllegalArgumentException("cannot mark " + page + " outdated as " + kind
                    + ": only deleted, archived, moved or not_playbook replace the playbook by a tombstone");
        }
        return transactions.run("mark " + page + " outdated", connection -> {
            Locked locked = lock(connection, spaceKey, pageId)
                    .orElseThrow(() -> new IllegalArgumentException("no playbook is stored for " + page));
            Latest latest = latest(connection, locked.id());
            boolean sameFlag = Flags.of(connection, locked.id()).stream()
                    .anyMatch(f -> f.kind() == kind && f.reason().equals(reason));
            if (latest.kind() == VersionKind.TOMBSTONE && sameFlag) {
                return new SaveResult(SaveOutcome.UNCHANGED, locked.id(), latest.id(), locked.slug(), 0);
            }
            Instant now = now();
            try (PreparedStatement update = PlaybookQueries.prepare(connection,
                    "UPDATE playbooks SET updated_at = ? WHERE id = ?", utc(now), locked.id())) {
                update.executeUpdate();
            }
            Flags.clear(connection, locked.id(), EnumSet.complementOf(EnumSet.of(kind)));
            Flags.raise(connection, locked.id(), kind, reason, now);
            long versionId = insertVersion(connection, locked.id(), latest.number() + 1,
                    PageVersion.tombstone(latest.sourceVersion(), locked.name(), reason), now);
            return new SaveResult(SaveOutcome.UPDATED, locked.id(), versionId, locked.slug(), 0);
        });
    }

    public Optional<StoredVersion> latestForPage(String spaceKey, String pageId) {
        return read("read the latest version of space " + spaceKey + " page " + pageId,
                connection -> PlaybookQueries.latestForPage(connection, spaceKey, pageId));
    }

    /** Every playbook, outdated ones included, by name. */
    public List<PlaybookSummary> list() {
        return read("list playbooks", PlaybookQueries::summaries);
    }

    public Optional<PlaybookDetail> find(long playbookId) {
        return read("read playbook " + playbookId,
                connection -> PlaybookQueries.detail(connection, PlaybookQueries.DETAIL_BY_ID, playbookId));
    }

    public Optional<PlaybookDetail> findBySlug(String slug) {
        return read("read playbook " + slug,
                connection -> PlaybookQueries.detail(connection, PlaybookQueries.DETAIL_BY_SLUG, slug));
    }

    public Optional<PlaybookDetail> findByPage(String spaceKey, String pageId) {
        return read("read the playbook of space " + spaceKey + " page " + pageId,
                connection -> PlaybookQueries.detail(connection, PlaybookQueries.DETAIL_BY_PAGE, spaceKey, pageId));
    }

    /** The playbook JSON of the newest content of each of these playbooks, in one read, by id. */
    public Map<Long, String> contentJson(Collection<Long> playbookIds) {
        return read("read the content of " + playbookIds.size() + " playbooks",
                connection -> PlaybookQueries.contentJson(connection, playbookIds));
    }

    /**
     * One page of a full read in id order: up to {@code max} playbooks with an id above {@code afterId}, each with
     * its newest content but without attachments (what an index rebuilt from the database needs).
     */
    public List<PlaybookDetail> detailsAfter(long afterId, int max) {
        return read("read playbooks after id " + afterId,
                connection -> PlaybookQueries.detailsAfter(connection, afterId, max));
    }

    /** Playbooks written since a time (a new version, or marked outdated), oldest change first. */
    public List<PlaybookChange> updatedSince(Instant since) {
        return read("read the playbooks changed since " + since,
                connection -> PlaybookQueries.updatedSince(connection, since));
    }

    /** The history of a playbook, newest first; empty when there is no such playbook. */
    public List<PlaybookVersion> versions(long playbookId) {
        return read("read the versions of playbook " + playbookId,
                connection -> PlaybookQueries.versions(connection, playbookId));
    }

    /** The attachments the page had at a version (their metadata; the content stays in Confluence). */
    public List<Attachment> attachments(long versionId) {
        return read("read the attachments of version " + versionId,
                connection -> PlaybookQueries.attachments(connection, versionId));
    }

    /**
     * The page of every playbook stored for a space, outdated ones included, with the kind of its newest version, in
     * page order (what a reconcile compares with the listing, in one read).
     */
    public Map<String, VersionKind> latestKinds(String spaceKey) {
        return read("list the pages of space " + spaceKey, connection -> PlaybookQueries.latestKinds(connection, spaceKey));
    }

    public Optional<SyncState> syncState(String spaceKey) {
        return read("read the sync state of space " + spaceKey,
                connection -> PlaybookQueries.syncState(connection, spaceKey));
    }

    /** Creates or replaces the sync state of {@code state.spaceKey()}. */
    public void saveSyncState(SyncState state) {
        transactions.run("save the sync state of space " + state.spaceKey(), connection -> {
            Object[] values = {utc(state.watermark()), utc(state.lastSyncAt()), utc(state.lastReconcileAt()),
                    state.spaceKey()};
            try (PreparedStatement update = PlaybookQueries.prepare(connection, """
                    UPDATE sync_state SET watermark = ?, last_sync_at = ?, last_reconcile_at = ? WHERE space_key = ?
                    """, values)) {
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = PlaybookQueries.prepare(connection, """
                    INSERT INTO sync_state (watermark, last_sync_at, last_reconcile_at, space_key) VALUES (?, ?, ?, ?)
                    """, values)) {
                insert.executeUpdate();
            }
            return null;
        });
    }

    private SaveResult save(Connection connection, PageVersion incoming) throws SQLException {
        SourcePage page = incoming.page();
        Instant now = now();
        Optional<Locked> existing = lock(connection, page.spaceKey(), page.id());
        if (existing.isEmpty()) {
            Inserted inserted = insertUnderFreeSlug(connection, incoming, now);
            long versionId = insertVersion(connection, inserted.id(), 1, incoming, now);
            return new SaveResult(SaveOutcome.CREATED, inserted.id(), versionId, inserted.slug(), incoming.stepCount());
        }
        Locked locked = existing.get();
        Latest latest = latest(connection, locked.id());
        if (!incoming.forced() && latest.sameContentAs(incoming)) {
            return new SaveResult(SaveOutcome.UNCHANGED, locked.id(), latest.id(), locked.slug(), latest.stepCount());
        }
        try (PreparedStatement update = PlaybookQueries.prepare(connection, """
                UPDATE playbooks SET name = ?, category = ?, confluence_url = ?, updated_at = ? WHERE id = ?
                """, incoming.name(), incoming.category(), incoming.url(), utc(now), locked.id())) {
            update.executeUpdate();
        }
        Flags.clear(connection, locked.id(), FlagKind.SETTLED_BY_NEW_CONTENT);
        long versionId = insertVersion(connection, locked.id(), latest.number() + 1, incoming, now);
        return new SaveResult(SaveOutcome.UPDATED, locked.id(), versionId, locked.slug(), incoming.stepCount());
    }

    private static Optional<Locked> lock(Connection connection, String spaceKey, String pageId) throws SQLException {
        // H2 parses a SELECT ... FOR UPDATE at every prepare (its query cache leaves such statements out), a fifth of
        // the storing of a new page: a page without a row, as every page of a first bulk import, has nothing to lock,
        // and the plain select that says so comes from the cache
        try (PreparedStatement select = PlaybookQueries.prepare(connection,
                "SELECT id FROM playbooks WHERE space_key = ? AND page_id = ?", spaceKey, pageId);
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
        }
        try (PreparedStatement select = PlaybookQueries.prepare(connection, """
                SELECT id, slug, name FROM playbooks WHERE space_key = ? AND page_id = ? FOR UPDATE
                """, spaceKey, pageId);
             ResultSet rows = select.executeQuery()) {
            return rows.next()
                    ? Optional.of(new Locked(rows.getLong(1), rows.getString(2), rows.getString(3)))
                    : Optional.empty();
        }
    }

    private static Latest latest(Connection connection, long playbookId) throws SQLException {
        try (PreparedStatement select = PlaybookQueries.prepare(connection, """
                SELECT id, version_no, kind, source_version, content_hash, step_count FROM playbook_versions
                 WHERE playbook_id = ? ORDER BY version_no DESC FETCH FIRST 1 ROWS ONLY
                """, playbookId);
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("playbook " + playbookId + " has no version");
            }
            return new Latest(rows.getLong(1), rows.getInt(2), VersionKind.fromCode(rows.getString(3)),
                    rows.getInt(4), rows.getString(5), rows.getInt(6));
        }
    }

    /**
     * Inserts the playbook row under the first slug nobody holds. A writer that takes the same slug first makes the
     * insert fail on the unique key: that slug is then known to be taken and the next one is tried, inside the same
     * transaction (a savepoint keeps it usable on PostgreSQL), so N writers of alike titles need at most N tries
     * each. When it is the page itself that a concurrent writer inserted, the whole save runs again as an update.
     */
    private static Inserted insertUnderFreeSlug(Connection connection, PageVersion incoming, Instant now)
            throws SQLException {
        String base = Slugs.of(incoming.name());
        Set<String> taken = takenSlugs(connection, base);
        while (true) {
            String slug = Slugs.firstFree(base, taken);
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                long id = insertPlaybook(connection, incoming, slug, now);
                connection.releaseSavepoint(beforeInsert);
                return new Inserted(id, slug);
            } catch (SQLException e) {
                connection.rollback(beforeInsert);
                SourcePage page = incoming.page();
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || taken.size() >= MAX_SLUG_TRIES
                        || lock(connection, page.spaceKey(), page.id()).isPresent()) {
                    throw e;
                }
                taken.add(slug);
            }
        }
    }

    /**
     * The slugs already held among the base and its {@code base-N}. Slugs hold only [a-z0-9-], so the index range [base, base + ".")
     * holds exactly the base and its dashed variants ('-' sorts just before '.'): one range scan, where
     * {@code slug = ? OR slug LIKE ?} made the database read the whole table.
     */
    private static Set<String> takenSlugs(Connection connection, String base) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement select = PlaybookQueries.prepare(connection,
                "SELECT slug FROM playbooks WHERE slug >= ? AND slug < ?", base, base + ".");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                taken.add(rows.getString(1));
            }
        }
        return taken;
    }

    private static long insertPlaybook(Connection connection, PageVersion incoming, String slug, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO playbooks (space_key, page_id, slug, name, category, confluence_url, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, incoming.page().spaceKey());
            insert.setString(2, incoming.page().id());
            insert.setString(3, slug);
            insert.setString(4, incoming.name());
            insert.setString(5, incoming.category());
            insert.setString(6, incoming.url());
            insert.setObject(7, utc(now));
            insert.setObject(8, utc(now));
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    private static long insertVersion(Connection connection, long playbookId, int number, PageVersion version,
                                      Instant now) throws SQLException {
        long versionId;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO playbook_versions (playbook_id, version_no, kind, source_version, content_hash, name, yaml,
                       playbook_json, step_count, forced, reason, created_at, source_modified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, playbookId);
            insert.setInt(2, number);
            insert.setString(3, version.kind().code());
            insert.setInt(4, version.sourceVersion());
            insert.setString(5, version.contentHash());
            insert.setString(6, version.name());
            insert.setString(7, version.yaml());
            insert.setString(8, version.playbookJson());
            insert.setInt(9, version.stepCount());
            insert.setBoolean(10, version.forced());
            insert.setString(11, version.reason());
            insert.setObject(12, utc(now));
            insert.setObject(13, utc(version.modifiedAt()));
            insert.executeUpdate();
            versionId = generatedId(insert);
        }
        if (version.stepMix() != null) {
            insertStepMix(connection, versionId, version.stepMix());
        }
        insertAttachments(connection, versionId, version.attachments());
        insertLinks(connection, versionId, version.links());
        return versionId;
    }

    private static void insertStepMix(Connection connection, long versionId, StepMix mix) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO version_step_quality (version_id, steps, concrete_steps, noop_steps) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, versionId);
            insert.setInt(2, mix.steps());
            insert.setInt(3, mix.concrete());
            insert.setInt(4, mix.noop());
            insert.executeUpdate();
        }
    }

    private static void insertAttachments(Connection connection, long versionId, List<Attachment> attachments)
            throws SQLException {
        if (attachments.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO version_attachments (version_id, attachment_id, file_name, media_type, attachment_version,
                       download_url) VALUES (?, ?, ?, ?, ?, ?)
                """)) {
            for (Attachment attachment : attachments) {
                insert.setLong(1, versionId);
                insert.setString(2, attachment.id());
                insert.setString(3, attachment.fileName());
                insert.setString(4, attachment.mediaType());
                insert.setInt(5, attachment.version());
                insert.setString(6, attachment.downloadUrl());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertLinks(Connection connection, long versionId, List<PageLink> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO version_links (version_id, kind, target_space, target_title, file_name)
                VALUES (?, ?, ?, ?, ?)
                """)) {
            for (PageLink link : links) {
                insert.setLong(1, versionId);
                insert.setString(2, link.kind().code());
                insert.setString(3, link.spaceKey());
                insert.setString(4, link.pageTitle());
                insert.setString(5, link.fileName());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long generatedId(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    private <T> T read(String what, Transactions.Work<T> query) {
        return transactions.run(what, query);
    }

    // both databases keep microseconds: cut there so what is read back equals what was written
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String describe(SourcePage page) {
        return page == null ? "(none)" : page.spaceKey() + "/" + page.id() + " '" + page.title() + "'";
    }

    /** The playbook row of a page, locked for the rest of the transaction. */
    private record Inserted(long id, String slug) {
    }

    private record Locked(long id, String slug, String name) {
    }

    /** The newest version of a playbook, of any kind. */
    private record Latest(long id, int number, VersionKind kind, int sourceVersion, String contentHash, int stepCount) {

        boolean sameContentAs(PageVersion incoming) {
            return kind == VersionKind.CONTENT && sourceVersion == incoming.sourceVersion()
                    && contentHash.equals(incoming.contentHash());
        }
    }

    /** A version about to be written, with everything derived from the conversion up front (outside the transaction). */
    private record PageVersion(SourcePage page, VersionKind kind, int sourceVersion, String contentHash, String name,
                               String category, String url, String yaml, String playbookJson, int stepCount,
                               StepMix stepMix, boolean forced, String reason, List<Attachment> attachments,
                               Instant modifiedAt, List<PageLink> links) {

        static PageVersion of(Conversion conversion, boolean force) {
            if (conversion == null || conversion.page() == null) {
                throw new IllegalArgumentException("cannot save: the conversion has no page");
            }
            SourcePage page = conversion.page();
            if (isBlank(page.id()) || isBlank(page.spaceKey())) {
                throw new IllegalArgumentException("cannot save page " + describe(page) + ": it has no id or space key");
            }
            if (!conversion.hasPlaybook() || conversion.yaml() == null) {
                throw new IllegalArgumentException("cannot save page " + describe(page) + ": it holds no playbook "
                        + (conversion.problems().isEmpty() ? conversion.detection().reasons() : conversion.problems()));
            }
            Playbook playbook = conversion.playbook();
            String name = isBlank(playbook.name()) ? page.title() : playbook.name();
            String category = isBlank(playbook.category()) ? DEFAULT_CATEGORY : playbook.category();
            String url = page.webUrl() != null ? page.webUrl()
                    : playbook.metadata() == null ? null : playbook.metadata().confluenceUrl();
            return new PageVersion(page, VersionKind.CONTENT, page.version(), ContentHash.of(page), name, category, url,
                    conversion.yaml(), json(page, playbook), playbook.steps().size(), StepMix.of(playbook), force, null,
                    page.attachments(),
                    page.lastModified(), conversion.links());
        }

        static PageVersion tombstone(int sourceVersion, String name, String reason) {
            return new PageVersion(null, VersionKind.TOMBSTONE, sourceVersion, null, name, null, null, null, null, 0,
                    null, false, reason, List.of(), null, List.of());
        }

        private static String json(SourcePage page, Playbook playbook) {
            try {
                return JSON.writeValueAsString(playbook);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot save page " + describe(page)
                        + ": its playbook does not serialise to JSON: " + e.getOriginalMessage(), e);
            }
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
