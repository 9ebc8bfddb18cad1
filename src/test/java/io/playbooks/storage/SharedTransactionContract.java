package io.playbooks.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writes of several stores on one thread joined into one transaction, as the import of a page does;
 * run against each database the service supports (PostgreSQL needs the savepoints to go on after a failed unit).
 */
abstract class SharedTransactionContract {

    private static final List<EventOutbox.Endpoint> HOOK = List.of(new EventOutbox.Endpoint("hook", "http://hook"));

    private Database database;
    private EventOutbox outbox;
    private ImportRollups rollups;
    private Transactions transactions;

    protected abstract Database openDatabase(String name) throws Exception;

    @BeforeEach
    void open(TestInfo test) throws Exception {
        // PostgreSQL names are at most 63 characters
        String method = test.getTestMethod().orElseThrow().getName().toLowerCase();
        database = openDatabase("shared_" + method.substring(0, Math.min(method.length(), 40)));
        outbox = new EventOutbox(database.dataSource(), Clock.systemUTC());
        rollups = new ImportRollups(database.dataSource(), Clock.systemUTC());
        transactions = new Transactions(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theWritesOfSeveralStoresAreSeenByOthersOnlyOnceTheyCommitTogether() throws Exception {
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        outbox.record("playbook_import", "info", "{}", HOOK);
        rollups.record("OPS", ImportAttempt.CREATED, List.of());

        assertThat(outbox.after(0, 10)).as("read in the transaction").hasSize(1);
        assertThat(CompletableFuture.supplyAsync(() -> outbox.after(0, 10)).get()).as("read by another thread").isEmpty();
        transaction.commit();

        assertThat(SharedTransaction.open()).isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> outbox.after(0, 10)).get()).hasSize(1);
        assertThat(outbox.due("hook", 10)).hasSize(1);
        assertThat(attempts()).isEqualTo(1);
    }

    @Test
    void countersAreRaisedOnceAtTheCommitByTheirSumAndTheRunsProgressCommitsWithThem() throws Exception {
        BulkImportRuns runs = new BulkImportRuns(database.dataSource());
        runs.start("OPS", false, Instant.now());
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        runs.pageDone("OPS", "1", 1, "cursor-1");

        assertThat(attempts()).as("read in the transaction, before the commit").isZero();
        assertThat(CompletableFuture.supplyAsync(() -> runs.find("OPS").orElseThrow().pagesDone()).get())
                .as("read by another thread").isZero();
        transaction.commit();

        assertThat(attempts()).isEqualTo(2);
        assertThat(runs.find("OPS").orElseThrow()).satisfies(run -> {
            assertThat(run.pagesDone()).isEqualTo(1);
            assertThat(run.position()).isEqualTo("cursor-1");
        });
    }

    @Test
    void thePagesOfABulkImportRecordTheirProgressWithoutWaitingForEachOther() throws Exception {
        BulkImportRuns runs = new BulkImportRuns(database.dataSource());
        runs.start("OPS", false, Instant.now());
        SharedTransaction first = SharedTransaction.begin(database.dataSource());
        runs.pageDone("OPS", "1", 1, "cursor-1");
        try {
            // the other page commits while the first is still open: waiting for it would end in a lock timeout (H2)
            // or never end (PostgreSQL, hence the guard)
            CompletableFuture.runAsync(() -> {
                SharedTransaction second = SharedTransaction.begin(database.dataSource());
                runs.pageDone("OPS", "2", 1, "cursor-2");
                second.commit();
            }).get(60, TimeUnit.SECONDS);
            first.commit();
        } finally {
            if (SharedTransaction.open()) {
                first.rollback();
            }
        }

        assertThat(runs.find("OPS").orElseThrow()).satisfies(run -> {
            assertThat(run.pagesDone()).isEqualTo(2);
            assertThat(run.position()).as("the position recorded by the last page done").isEqualTo("cursor-2");
        });
    }

    @Test
    void aDeadlockMakesTheTransactionRollbackOnlyInsteadOfCommittingWhatFollowedIt() throws Exception {
        transactions.run("create two rows", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE crossed_rows (id INT PRIMARY KEY, n INT)");
                statement.executeUpdate("INSERT INTO crossed_rows (id, n) VALUES (1, 0), (2, 0)");
            }
            return null;
        });
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> crossUpdate("one", 1, 2, bothHoldTheirFirstRow));
        CompletableFuture<Outcome> second = CompletableFuture.supplyAsync(() -> crossUpdate("two", 2, 1, bothHoldTheirFirstRow));
        List<Outcome> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

        List<String> committedEvents = outbox.after(0, 10).stream().map(EventOutbox.LoggedEvent::payload).toList();
        for (Outcome outcome : outcomes) {
            if (outcome.unitFailed) {
                assertThat(outcome.committed).as(outcome.name + " lost its transaction: its commit is refused").isFalse();
            }
            assertThat(committedEvents.contains(outcome.payload())).as(outcome.name + "'s event").isEqualTo(outcome.committed);
        }
        assertThat(outcomes).as("the database broke the crossed wait").anyMatch(outcome -> outcome.unitFailed);
    }

    /** Writes an event, then updates row {@code held} and, once the other thread holds its row, row {@code wanted}. */
    private Outcome crossUpdate(String name, int held, int wanted, CyclicBarrier bothHoldTheirFirstRow) {
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        outbox.record("playbook_import", "info", "\"" + name + "\"", HOOK);
        increment(held);
        try {
            bothHoldTheirFirstRow.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            transaction.rollback();
            throw new IllegalStateException(e);
        }
        boolean unitFailed = false;
        try {
            increment(wanted);
        } catch (StoreException e) {
            // a caller that goes on after a failed unit (as counting does): the commit must still refuse
            unitFailed = true;
        }
        try {
            transaction.commit();
            return new Outcome(name, unitFailed, true);
        } catch (StoreException e) {
            return new Outcome(name, unitFailed, false);
        }
    }

    private void increment(int row) {
        transactions.run("raise row " + row, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE crossed_rows SET n = n + 1 WHERE id = ?")) {
                update.setInt(1, row);
                update.executeUpdate();
            }
            return null;
        });
    }

    private record Outcome(String name, boolean unitFailed, boolean committed) {
        String payload() {
            return "\"" + name + "\"";
        }
    }

    @Test
    void aRollbackKeepsNoneOfThem() {
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        outbox.record("playbook_import", "info", "{}", HOOK);
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        transaction.rollback();

        assertThat(outbox.after(0, 10)).isEmpty();
        assertThat(outbox.count("pending")).isZero();
        assertThat(attempts()).isZero();
    }

    @Test
    void aUnitOfWorkThatFailsIsUndoneAloneAndTheRestCommits() {
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        outbox.record("playbook_import", "info", "{}", HOOK);
        assertThatThrownBy(() -> transactions.run("count and fail", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_rollups "
                    + "(space_key, epoch_hour, outcome, pages) VALUES ('OPS', 1, 'created', 1)")) {
                insert.executeUpdate();
            }
            throw new SQLException("the unit fails after its insert");
        })).isInstanceOf(StoreException.class).hasMessageContaining("count and fail");
        transaction.commit();

        assertThat(outbox.after(0, 10)).hasSize(1);
        assertThat(attempts()).isZero();
    }

    @Test
    void aUnitInsideAnotherIsUndoneWithItAndAFailedUnitLeavesTheUnitsBeforeIt() {
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        transactions.run("kept", connection -> insertRollup(connection, 1));
        assertThatThrownBy(() -> transactions.run("outer", connection -> {
            insertRollup(connection, 2);
            transactions.run("inner", inner -> insertRollup(inner, 3));
            insertRollup(connection, 4);
            throw new SQLException("the outer unit fails after the inner one succeeded");
        })).isInstanceOf(StoreException.class).hasMessageContaining("outer");
        assertThatThrownBy(() -> transactions.run("next", connection -> {
            insertRollup(connection, 5);
            throw new SQLException("the next unit fails too");
        })).isInstanceOf(StoreException.class).hasMessageContaining("next");
        transactions.run("kept too", connection -> insertRollup(connection, 6));
        transaction.commit();

        List<Long> kept = transactions.run("read", connection -> {
            List<Long> hours = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 var rows = select.executeQuery("SELECT epoch_hour FROM import_rollups ORDER BY epoch_hour")) {
                while (rows.next()) {
                    hours.add(rows.getLong(1));
                }
            }
            return hours;
        });
        assertThat(kept).containsExactly(1L, 6L);
    }

    private static Void insertRollup(java.sql.Connection connection, long epochHour) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_rollups "
                + "(space_key, epoch_hour, outcome, pages) VALUES ('OPS', ?, 'created', 1)")) {
            insert.setLong(1, epochHour);
            insert.executeUpdate();
        }
        return null;
    }

    @Test
    void anAfterCommitActionThatThrowsIsLoggedAndTheOthersStillRun() {
        List<String> ran = new ArrayList<>();
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        outbox.record("playbook_import", "info", "{}", HOOK);
        SharedTransaction.afterCommit(() -> {
            throw new IllegalStateException("the feed is closed");
        });
        SharedTransaction.afterCommit(() -> ran.add("second"));

        transaction.commit();

        assertThat(ran).containsExactly("second");
        assertThat(outbox.after(0, 10)).hasSize(1);
    }

    @Test
    void countersThatCannotBeRaisedAtTheCommitAreLoggedAndThePageCommitsUncounted() {
        transactions.run("refuse every count", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("ALTER TABLE import_rollups ADD CONSTRAINT no_counts CHECK (pages < 0)");
            }
            return null;
        });
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        outbox.record("playbook_import", "info", "{}", HOOK);
        rollups.record("OPS", ImportAttempt.CREATED, List.of());

        transaction.commit();

        assertThat(outbox.after(0, 10)).hasSize(1);
        assertThat(attempts()).isZero();
    }

    @Test
    void afterCommitActionsRunOnceCommittedNeverAfterARollbackAndAtOnceWithoutATransaction() {
        List<String> ran = new ArrayList<>();
        SharedTransaction committed = SharedTransaction.begin(database.dataSource());
        SharedTransaction.afterCommit(() -> ran.add("committed"));
        assertThat(ran).isEmpty();
        committed.commit();
        SharedTransaction rolledBack = SharedTransaction.begin(database.dataSource());
        SharedTransaction.afterCommit(() -> ran.add("rolled back"));
        rolledBack.rollback();
        SharedTransaction.afterCommit(() -> ran.add("none open"));

        assertThat(ran).containsExactly("committed", "none open");
    }

    @Test
    void aThreadOpensOneAtATime() {
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        try {
            assertThatThrownBy(() -> SharedTransaction.begin(database.dataSource()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("open on this thread already");
        } finally {
            transaction.rollback();
        }
    }

    private long attempts() {
        return rollups.attempts(Instant.EPOCH, Instant.now().plusSeconds(7200), TimeBucket.DAY, "OPS")
                .stream().mapToLong(ImportRollups.Count::pages).sum();
    }
}
