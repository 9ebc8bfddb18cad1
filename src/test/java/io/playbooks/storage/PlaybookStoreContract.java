package io.playbooks.storage;

import io.playbooks.conversion.Conversion;
import io.playbooks.page.Attachment;
import io.playbooks.page.PageLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.playbooks.storage.StoreFixtures.conversion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour of {@link PlaybookStore}, run against each database the service supports (see the subclasses). */
abstract class PlaybookStoreContract {

    private Database database;
    private PlaybookStore store;
    private PlaybookFlags flags;

    /** Opens (and migrates) a fresh, empty database of the given name. */
    protected abstract Database openDatabase(String name) throws Exception;

    @BeforeEach
    void openStore(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        database = openDatabase(name);
        store = new PlaybookStore(database.dataSource());
        flags = new PlaybookFlags(database.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void firstSaveCreatesAPlaybookWithItsFirstVersion() {
        SaveResult result = store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod\nsystemctl restart app"), false);

        assertThat(result.outcome()).isEqualTo(SaveOutcome.CREATED);
        assertThat(result.slug()).isEqualTo("deploy-application");
        assertThat(result.stepCount()).isEqualTo(2);
        assertThat(result.versionId()).isNotNull();
        PlaybookSummary summary = store.list().get(0);
        assertThat(summary.playbookId()).isEqualTo(result.playbookId());
        assertThat(summary.name()).isEqualTo("Deploy Application");
        assertThat(summary.category()).isEqualTo("infrastructure");
        assertThat(summary.confluenceSpace()).isEqualTo("OPS");
        assertThat(summary.confluencePageId()).isEqualTo("101");
        assertThat(summary.confluenceUrl()).isEqualTo("https://wiki.example.com/spaces/OPS/pages/101");
        assertThat(summary.confluenceVersion()).isEqualTo(3);
        assertThat(summary.stepCount()).isEqualTo(2);
        assertThat(summary.versionNumber()).isEqualTo(1);
        assertThat(summary.outdated()).isFalse();
        assertThat(summary.lastImported()).isNotNull().isEqualTo(summary.createdAt());
    }

    @Test
    void aSaveNotesThePageCheckWithItsOutcomeInTheSameTransaction() {
        PageChecks checks = new PageChecks(database.dataSource(), Clock.systemUTC());
        store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);
        assertThat(checks.last("OPS", "101")).contains(new PageChecks.Check(3, "CREATED"));

        store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);
        assertThat(checks.last("OPS", "101")).contains(new PageChecks.Check(3, "UNCHANGED"));

        store.save(conversion("OPS", "101", "Deploy Application", 4, "ssh prod"), false);
        assertThat(checks.last("OPS", "101")).contains(new PageChecks.Check(4, "UPDATED"));
    }

    @Test
    void theChecksOfASpaceAreReadAtOnce() {
        PageChecks checks = new PageChecks(database.dataSource(), Clock.systemUTC());
        store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);
        checks.record("OPS", "7", 2, "NOT_PLAYBOOK");
        checks.record("PLATFORM", "8", 1, "FAILED");

        assertThat(checks.ofSpace("OPS")).containsOnly(entry("101", new PageChecks.Check(3, "CREATED")),
                entry("7", new PageChecks.Check(2, "NOT_PLAYBOOK")));
        assertThat(checks.ofSpace("NONE")).isEmpty();
    }

    @Test
    void savingTheSamePageAgainUnchangedAddsNoVersion() {
        SaveResult first = store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);
        SaveResult again = store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);

        assertThat(again.outcome()).isEqualTo(SaveOutcome.UNCHANGED);
        assertThat(again.playbookId()).isEqualTo(first.playbookId());
        assertThat(again.versionId()).isEqualTo(first.versionId());
        assertThat(store.versions(first.playbookId())).hasSize(1);
    }

    @Test
    void aNewConfluenceVersionAddsAVersionNewestFirst() {
        SaveResult first = store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);
        SaveResult second = store.save(conversion("OPS", "101", "Deploy Application", 4, "ssh prod\nmake deploy"), false);

        assertThat(second.outcome()).isEqualTo(SaveOutcome.UPDATED);
        assertThat(second.playbookId()).isEqualTo(first.playbookId());
        assertThat(second.stepCount()).isEqualTo(2);
        List<PlaybookVersion> versions = store.versions(first.playbookId());
        assertThat(versions).extracting(PlaybookVersion::versionNumber).containsExactly(2, 1);
        assertThat(versions).extracting(PlaybookVersion::sourceVersion).containsExactly(4, 3);
        assertThat(versions.get(0).yaml()).contains("make deploy");
        assertThat(versions.get(1).yaml()).doesNotContain("make deploy");
        assertThat(versions).allSatisfy(v -> assertThat(v.kind()).isEqualTo(VersionKind.CONTENT));
        assertThat(store.list().get(0).confluenceVersion()).isEqualTo(4);
    }

    @Test
    void editedContentAtTheSameConfluenceVersionAddsAVersion() {
        store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh prod"), false);
        SaveResult edited = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh staging"), false);

        assertThat(edited.outcome()).isEqualTo(SaveOutcome.UPDATED);
        List<PlaybookVersion> versions = store.versions(edited.playbookId());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).contentHash()).isNotEqualTo(versions.get(1).contentHash());
    }

    @Test
    void forceAddsAVersionEvenWhenNothingChanged() {
        store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), false);
        SaveResult forced = store.save(conversion("OPS", "101", "Deploy Application", 3, "ssh prod"), true);

        assertThat(forced.outcome()).isEqualTo(SaveOutcome.UPDATED);
        List<PlaybookVersion> versions = store.versions(forced.playbookId());
        assertThat(versions).extracting(PlaybookVersion::forced).containsExactly(true, false);
        assertThat(versions.get(0).contentHash()).isEqualTo(versions.get(1).contentHash());
    }

    @Test
    void pagesTitledAlikeGetSlugsThatNeverCollide() {
        SaveResult a = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false);
        SaveResult b = store.save(conversion("OPS", "102", "Deploy application", 1, "ssh b"), false);
        SaveResult c = store.save(conversion("PLATFORM", "101", "Deploy  Application!", 1, "ssh c"), false);
        SaveResult d = store.save(conversion("OPS", "103", "Deploy Application 2", 1, "ssh d"), false);

        assertThat(List.of(a.slug(), b.slug(), c.slug(), d.slug()))
                .containsExactly("deploy-application", "deploy-application-2", "deploy-application-3",
                        "deploy-application-2-2");
        assertThat(store.list()).hasSize(4);
        assertThat(store.findBySlug("deploy-application-3").orElseThrow().summary().confluenceSpace())
                .isEqualTo("PLATFORM");
    }

    @Test
    void aRenamedPageKeepsItsSlug() {
        store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false);
        SaveResult renamed = store.save(conversion("OPS", "101", "Deploy the Application", 2, "ssh a"), false);

        assertThat(renamed.slug()).isEqualTo("deploy-application");
        assertThat(store.findBySlug("deploy-application").orElseThrow().summary().name())
                .isEqualTo("Deploy the Application");
    }

    @Test
    void detailsCarryTheNewestYamlJsonAndAttachments() {
        Attachment diagramV1 = new Attachment("att1", "flow.png", "image/png", 1, "/download/attachments/101/flow.png?version=1");
        Attachment diagramV2 = new Attachment("att1", "flow.png", "image/png", 2, "/download/attachments/101/flow.png?version=2");
        Attachment config = new Attachment("att2", "app.yaml", "application/yaml", 1, "/download/attachments/101/app.yaml");
        SaveResult first = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a", diagramV1), false);
        store.save(conversion("OPS", "101", "Deploy Application", 2, "ssh a", diagramV2, config), false);

        PlaybookDetail detail = store.find(first.playbookId()).orElseThrow();
        assertThat(detail.attachments()).containsExactly(diagramV2, config);
        assertThat(detail.yaml()).contains("confluence_version: 2");
        assertThat(detail.playbookJson()).contains("\"confluence_page_id\":\"101\"");
        assertThat(store.findByPage("OPS", "101")).contains(detail);
        assertThat(store.findBySlug("deploy-application")).contains(detail);
        assertThat(store.find(first.playbookId() + 1000)).isEmpty();
        assertThat(store.findBySlug("nothing-here")).isEmpty();
        assertThat(store.findByPage("OPS", "999")).isEmpty();
    }

    @Test
    void eachContentVersionIsStoredWithItsStepMixAndATombstoneWithNone() throws SQLException {
        SaveResult first = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a\n "), false);
        SaveResult second = store.save(conversion("OPS", "101", "Deploy Application", 2, "ssh a\nssh b\nssh c"), false);
        store.markOutdated("OPS", "101", FlagKind.DELETED, "page deleted in Confluence");

        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_id, steps, concrete_steps, noop_steps"
                     + " FROM version_step_quality ORDER BY version_id")) {
            List<String> mixes = new ArrayList<>();
            while (rows.next()) {
                mixes.add(rows.getLong(1) + ": " + new StepMix(rows.getInt(2), rows.getInt(3), rows.getInt(4)));
            }
            // the fixture's shell step of a blank line has no command: a step, not a concrete one
            assertThat(mixes).containsExactly(first.versionId() + ": " + new StepMix(2, 1, 0),
                    second.versionId() + ": " + new StepMix(3, 3, 0));
        }
    }

    @Test
    void markingOutdatedAddsATombstoneAndKeepsTheLastContent() {
        SaveResult saved = store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a\nssh b"), false);

        SaveResult tombstone = store.markOutdated("OPS", "101", FlagKind.DELETED, "page deleted in Confluence");

        assertThat(tombstone.outcome()).isEqualTo(SaveOutcome.UPDATED);
        assertThat(tombstone.versionId()).isNotEqualTo(saved.versionId());
        PlaybookDetail detail = store.find(saved.playbookId()).orElseThrow();
        assertThat(detail.summary().outdated()).isTrue();
        assertThat(detail.summary().outdatedReason()).isEqualTo("page deleted in Confluence");
        assertThat(detail.summary().stepCount()).isEqualTo(2);
        assertThat(detail.summary().versionNumber()).isEqualTo(2);
        // the list reads every playbook's newest versions another way (one pass over the versions): the same summary
        assertThat(store.list()).containsExactly(detail.summary());
        assertThat(detail.yaml()).contains("ssh b");
        List<PlaybookVersion> versions = store.versions(saved.playbookId());
        assertThat(versions).extracting(PlaybookVersion::kind).containsExactly(VersionKind.TOMBSTONE, VersionKind.CONTENT);
        assertThat(versions.get(0).yaml()).isNull();
        assertThat(versions.get(0).reason()).isEqualTo("page deleted in Confluence");
        StoredVersion latest = store.latestForPage("OPS", "101").orElseThrow();
        assertThat(latest.kind()).isEqualTo(VersionKind.TOMBSTONE);
        assertThat(latest.sourceVersion()).isEqualTo(5);
        assertThat(store.markOutdated("OPS", "101", FlagKind.DELETED, "page deleted in Confluence").outcome())
                .isEqualTo(SaveOutcome.UNCHANGED);
        assertThat(store.versions(saved.playbookId())).hasSize(2);
    }

    @Test
    void aPageThatComesBackAfterATombstoneIsCurrentAgain() {
        store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a"), false);
        store.markOutdated("OPS", "101", FlagKind.DELETED, "page deleted in Confluence");

        SaveResult back = store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a"), false);

        assertThat(back.outcome()).isEqualTo(SaveOutcome.UPDATED);
        PlaybookSummary summary = store.list().get(0);
        assertThat(summary.outdated()).isFalse();
        assertThat(summary.outdatedReason()).isNull();
        assertThat(store.latestForPage("OPS", "101").orElseThrow().kind()).isEqualTo(VersionKind.CONTENT);
        assertThat(store.versions(back.playbookId())).hasSize(3);
    }

    @Test
    void theNewestContentOfSeveralPlaybooksIsReadAtOnceTheLastOneKeptByAnOutdatedPlaybook() {
        long edited = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh prod"), false).playbookId();
        store.save(conversion("OPS", "101", "Deploy Application", 2, "ssh staging"), false);
        long deleted = store.save(conversion("OPS", "102", "Rotate Keys", 1, "vault rotate"), false).playbookId();
        store.markOutdated("OPS", "102", FlagKind.DELETED, "page deleted in Confluence");

        Map<Long, String> content = store.contentJson(List.of(edited, deleted, 999L));

        assertThat(content).containsOnlyKeys(edited, deleted);
        assertThat(content.get(edited)).contains("ssh staging").doesNotContain("ssh prod");
        assertThat(content.get(deleted)).contains("vault rotate");
        assertThat(store.contentJson(List.of())).isEmpty();
    }

    @Test
    void aFullReadInPagesGivesEachPlaybookItsOwnFlags() {
        long first = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh prod"), false).playbookId();
        long second = store.save(conversion("OPS", "102", "Rotate Keys", 1, "vault rotate"), false).playbookId();
        long third = store.save(conversion("OPS", "103", "Drain Node", 1, "kubectl drain"), false).playbookId();
        store.markOutdated("OPS", "102", FlagKind.DELETED, "page deleted in Confluence");

        List<PlaybookDetail> firstPage = store.detailsAfter(0, 2);
        List<PlaybookDetail> secondPage = store.detailsAfter(second, 2);

        assertThat(firstPage).extracting(detail -> detail.summary().playbookId()).containsExactly(first, second);
        assertThat(firstPage.get(0).summary().outdatedFlags()).isEmpty();
        assertThat(firstPage.get(1).summary().outdatedFlags()).extracting(OutdatedFlag::reason)
                .containsExactly("page deleted in Confluence");
        assertThat(secondPage).extracting(detail -> detail.summary().playbookId()).containsExactly(third);
        assertThat(secondPage.get(0).summary().outdatedFlags()).isEmpty();
        assertThat(store.detailsAfter(third, 2)).isEmpty();
    }

    @Test
    void markingAnUnknownPageOutdatedIsAClearError() {
        assertThatThrownBy(() -> store.markOutdated("OPS", "404", FlagKind.DELETED, "gone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPS").hasMessageContaining("404");
        assertThat(count("playbook_versions")).isZero();
    }

    @Test
    void aConversionWithoutPlaybookIsRefusedNamingThePage() {
        assertThatThrownBy(() -> store.save(StoreFixtures.notAPlaybook("OPS", "7", "Weekly sync"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Weekly sync").hasMessageContaining("meeting notes");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aFailureMidSaveLeavesNothingBehind() {
        PlaybookStore failing = new PlaybookStore(
                FailingDataSource.failingOn(database.dataSource(), "INSERT INTO version_attachments"));
        Attachment attachment = new Attachment("a1", "flow.png", "image/png", 1, "/download/flow.png");

        assertThatThrownBy(() -> failing.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a", attachment), false))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("OPS/101").hasMessageContaining("simulated failure");

        assertThat(count("playbooks")).isZero();
        assertThat(count("playbook_versions")).isZero();
        assertThat(store.latestForPage("OPS", "101")).isEmpty();
    }

    @Test
    void aFailedUpdateKeepsThePreviousVersionWhole() {
        store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false);
        PlaybookStore failing = new PlaybookStore(
                FailingDataSource.failingOn(database.dataSource(), "INSERT INTO version_attachments"));
        Attachment attachment = new Attachment("a1", "flow.png", "image/png", 1, "/download/flow.png");

        assertThatThrownBy(() -> failing.save(conversion("OPS", "101", "Deploy Everything", 2, "ssh b", attachment), false))
                .isInstanceOf(StoreException.class);

        PlaybookSummary summary = store.list().get(0);
        assertThat(summary.name()).isEqualTo("Deploy Application");
        assertThat(summary.confluenceVersion()).isEqualTo(1);
        assertThat(count("playbook_versions")).isEqualTo(1);
        assertThat(count("version_attachments")).isZero();
    }

    @Test
    void raisingAFlagThatHoldsForTheSameReasonWritesNothing() {
        long id = store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false).playbookId();
        flags.raise(id, FlagKind.DEAD_LINK, "links to page 7, which was deleted");
        PlaybookFlags readOnly = new PlaybookFlags(FailingDataSource.failingOn(database.dataSource(), "UPDATE playbook"),
                Clock.systemUTC());

        assertThat(readOnly.raise(id, FlagKind.DEAD_LINK, "links to page 7, which was deleted")).isFalse();
        assertThatThrownBy(() -> readOnly.raise(id, FlagKind.DEAD_LINK, "links to pages 7 and 8, which were deleted"))
                .as("a new reason is written").isInstanceOf(StoreException.class);
        assertThat(flags.raise(id, FlagKind.DEAD_LINK, "links to pages 7 and 8, which were deleted")).isFalse();
        assertThat(store.find(id).orElseThrow().summary().outdatedReason())
                .isEqualTo("links to pages 7 and 8, which were deleted");
    }

    @Test
    void raisingAKindOnManyPlaybooksFlagsEachAndCountsTheNewOnes() {
        int playbooks = PlaybookFlags.RAISES_PER_TRANSACTION + 1;
        Map<Long, String> reasons = new HashMap<>();
        for (int i = 0; i < playbooks; i++) {
            long id = store.save(conversion("OPS", "p" + i, "Page " + i, 1, "ssh a"), false).playbookId();
            reasons.put(id, "the page was last edited on 2020-01-0" + (i % 9 + 1));
        }
        long first = reasons.keySet().stream().min(Long::compare).orElseThrow();
        flags.raise(first, FlagKind.STALE, reasons.get(first));

        assertThat(flags.raiseAll(FlagKind.STALE, reasons)).isEqualTo(playbooks - 1);
        PlaybookFlags readOnly = new PlaybookFlags(FailingDataSource.failingOn(database.dataSource(), "UPDATE playbook"),
                Clock.systemUTC());
        assertThat(readOnly.raiseAll(FlagKind.STALE, reasons)).as("the same reasons again write nothing").isZero();
        long last = reasons.keySet().stream().max(Long::compare).orElseThrow();
        reasons.put(last, "the page was last edited on 2019-12-31");
        assertThat(flags.raiseAll(FlagKind.STALE, reasons)).as("a new reason is no new flag").isZero();
        assertThat(store.list()).hasSize(playbooks).allSatisfy(summary -> {
            assertThat(summary.outdated()).isTrue();
            assertThat(summary.outdatedReason()).isEqualTo(reasons.get(summary.playbookId()));
        });
        long unflagged = store.save(conversion("OPS", "new", "New Page", 1, "ssh a"), false).playbookId();
        Map<Long, String> oneBlank = new HashMap<>(Map.of(unflagged, "old", first, " "));
        assertThatThrownBy(() -> flags.raiseAll(FlagKind.STALE, oneBlank))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
        assertThat(store.find(unflagged).orElseThrow().summary().outdated()).as("nothing written").isFalse();
    }

    @Test
    void concurrentSavesOfTheSamePageStoreItOnce() throws Exception {
        List<SaveResult> results = concurrently(8, i -> store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false));

        assertThat(results).extracting(SaveResult::outcome).containsOnlyOnce(SaveOutcome.CREATED)
                .filteredOn(outcome -> outcome != SaveOutcome.CREATED).containsOnly(SaveOutcome.UNCHANGED);
        assertThat(results).extracting(SaveResult::playbookId).containsOnly(results.get(0).playbookId());
        assertThat(count("playbooks")).isEqualTo(1);
        assertThat(count("playbook_versions")).isEqualTo(1);
    }

    @Test
    void concurrentSavesOfNewVersionsNumberThemWithoutGaps() throws Exception {
        store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false);

        concurrently(6, i -> store.save(conversion("OPS", "101", "Deploy Application", 2 + i, "ssh v" + i), false));

        assertThat(store.versions(store.list().get(0).playbookId())).extracting(PlaybookVersion::versionNumber)
                .containsExactly(7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void concurrentSavesOfPagesTitledAlikeGetDistinctSlugs() throws Exception {
        // more writers than the retries a lost race used to get: the last one loses up to eleven times
        List<SaveResult> results = concurrently(12,
                i -> store.save(conversion("OPS", "20" + i, "Restart Kafka", 1, "ssh k" + i), false));

        assertThat(results).extracting(SaveResult::slug).doesNotHaveDuplicates()
                .contains("restart-kafka", "restart-kafka-2", "restart-kafka-12");
        assertThat(store.list()).hasSize(12);
    }

    @Test
    void aPlaybookCarriesSeveralFlagsAtOnceAndIsCurrentWhenTheLastClears() {
        long id = store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a"), false).playbookId();

        assertThat(flags.raise(id, FlagKind.STALE, "last edited long ago")).isTrue();
        assertThat(flags.raise(id, FlagKind.DEAD_LINK, "links to page 'Gone'")).isTrue();
        assertThat(flags.raise(id, FlagKind.DEAD_LINK, "links to page 'Gone' and page 'Lost'")).isFalse();

        PlaybookSummary flagged = store.find(id).orElseThrow().summary();
        assertThat(flagged.outdated()).isTrue();
        assertThat(flagged.outdatedFlags()).extracting(OutdatedFlag::kind)
                .containsExactly(FlagKind.STALE, FlagKind.DEAD_LINK);
        assertThat(flagged.outdatedReason()).isEqualTo("last edited long ago; links to page 'Gone' and page 'Lost'");
        assertThat(store.list().get(0).outdatedFlags()).hasSize(2);
        assertThat(flags.clear(id, FlagKind.STALE)).isTrue();
        assertThat(flags.clear(id, FlagKind.STALE)).isFalse();
        assertThat(store.find(id).orElseThrow().summary().outdatedReason()).isEqualTo("links to page 'Gone' and page 'Lost'");
        flags.clear(id, FlagKind.DEAD_LINK);
        PlaybookSummary current = store.find(id).orElseThrow().summary();
        assertThat(current.outdated()).isFalse();
        assertThat(current.outdatedReason()).isNull();
        assertThat(current.outdatedFlags()).isEmpty();
    }

    @Test
    void aNewContentVersionSettlesStaleAndNewerVersionButADeadLinkIsCheckedAgain() {
        long id = store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a"), false).playbookId();
        flags.raise(id, FlagKind.STALE, "old");
        flags.raise(id, FlagKind.NEWER_VERSION, "Confluence has version 6");
        flags.raise(id, FlagKind.DEAD_LINK, "links to page 'Gone'");

        store.save(conversion("OPS", "101", "Deploy Application", 6, "ssh b"), false);

        assertThat(store.find(id).orElseThrow().summary().outdatedFlags()).extracting(OutdatedFlag::kind)
                .containsExactly(FlagKind.DEAD_LINK);
    }

    @Test
    void aTombstoneReplacesTheWarningsByItsOwnFlag() {
        long id = store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a"), false).playbookId();
        flags.raise(id, FlagKind.STALE, "old");

        store.markOutdated("OPS", "101", FlagKind.ARCHIVED, "page 101 is archived in Confluence");

        assertThat(store.find(id).orElseThrow().summary().outdatedFlags()).extracting(OutdatedFlag::kind)
                .containsExactly(FlagKind.ARCHIVED);
        assertThat(flags.live()).isEmpty();
        assertThatThrownBy(() -> flags.raise(id, FlagKind.DELETED, "gone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("markOutdated");
        assertThatThrownBy(() -> store.markOutdated("OPS", "101", FlagKind.STALE, "old"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STALE");
    }

    @Test
    void theLinksAndTheEditTimeOfAPageAreKeptWithItsVersion() {
        Conversion plain = conversion("OPS", "101", "Deploy Application", 5, "ssh a",
                new Attachment("a1", "flow.png", "image/png", 1, "/download/flow.png"));
        List<PageLink> links = List.of(PageLink.page(null, "Rollback"), PageLink.page("INFRA", "Hosts"),
                PageLink.attachment(null, null, "flow.png"), PageLink.attachment("INFRA", "Hosts", "hosts.csv"));
        store.save(new Conversion(plain.page(), plain.detection(), plain.playbook(), plain.yaml(), List.of(), false,
                links), false);

        PlaybookFlags.LivePlaybook live = flags.live().get(0);
        assertThat(live.modifiedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(live.sourceVersion()).isEqualTo(5);
        assertThat(flags.links(List.of(live.versionId())).get(live.versionId())).containsExactlyElementsOf(links);
        assertThat(flags.attachmentNames(List.of(live.versionId())).get(live.versionId())).containsExactly("flow.png");
    }

    @Test
    void aFlagIsAnnouncedOnceUntilItClearsAndHoldsAgain() {
        long id = store.save(conversion("OPS", "101", "Deploy Application", 5, "ssh a"), false).playbookId();
        flags.raise(id, FlagKind.STALE, "old");

        List<PlaybookFlags.FlagNotice> first = flags.claimUnannounced();
        flags.raise(id, FlagKind.STALE, "old");
        List<PlaybookFlags.FlagNotice> again = flags.claimUnannounced();
        flags.clear(id, FlagKind.STALE);
        flags.raise(id, FlagKind.STALE, "old");
        List<PlaybookFlags.FlagNotice> afterClearing = flags.claimUnannounced();

        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.slug()).isEqualTo("deploy-application");
            assertThat(n.spaceKey()).isEqualTo("OPS");
            assertThat(n.flag().kind()).isEqualTo(FlagKind.STALE);
            assertThat(n.flag().reason()).isEqualTo("old");
        });
        assertThat(again).isEmpty();
        assertThat(afterClearing).hasSize(1);
    }

    @Test
    void theStoredPagesOfASpaceComeWithTheKindOfTheirNewestVersion() {
        store.save(conversion("OPS", "102", "B", 1, "ssh b"), false);
        store.save(conversion("OPS", "101", "A", 1, "ssh a"), false);
        store.save(conversion("OPS", "101", "A", 2, "ssh a\nssh aa"), false);
        store.save(conversion("PLATFORM", "103", "C", 1, "ssh c"), false);
        store.markOutdated("OPS", "102", FlagKind.DELETED, "deleted");

        assertThat(store.latestKinds("OPS")).containsExactly(entry("101", VersionKind.CONTENT),
                entry("102", VersionKind.TOMBSTONE));
        assertThat(store.latestKinds("PLATFORM")).containsOnlyKeys("103");
        assertThat(store.latestKinds("NONE")).isEmpty();
    }

    @Test
    void syncStateIsCreatedThenReplaced() {
        assertThat(store.syncState("OPS")).isEmpty();
        SyncState first = new SyncState("OPS", Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T10:05:00Z"), null);
        store.saveSyncState(first);
        assertThat(store.syncState("OPS")).contains(first);

        SyncState second = new SyncState("OPS", Instant.parse("2026-01-06T08:00:00.123456Z"),
                Instant.parse("2026-01-06T08:01:00Z"), Instant.parse("2026-01-06T08:01:00Z"));
        store.saveSyncState(second);
        assertThat(store.syncState("OPS")).contains(second);
        assertThat(store.syncState("PLATFORM")).isEmpty();
    }

    @Test
    void openingAMigratedDatabaseAgainKeepsItsData() throws Exception {
        store.save(conversion("OPS", "101", "Deploy Application", 1, "ssh a"), false);
        try (Database again = reopen()) {
            assertThat(new PlaybookStore(again.dataSource()).list()).hasSize(1);
        }
    }

    /** Opens a second pool on the database of this test (migrating an up-to-date schema is a no-op). */
    protected abstract Database reopen() throws Exception;

    @FunctionalInterface
    interface Indexed<T> {
        T call(int index) throws Exception;
    }

    private static <T> List<T> concurrently(int threads, Indexed<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.call(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String table) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
