package io.playbooks.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writes of several stores on one thread joined into one transaction, as the import of a chunk of pages does;
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
    void countersThatEveryPageRaisesAreRaisedOnceAtTheCommitByTheirSum() throws Exception {
        BulkImportRuns runs = new BulkImportRuns(database.dataSource());
        runs.start("OPS", false, Instant.now());
        SharedTransaction transaction = SharedTransaction.begin(database.dataSource());
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        runs.pageDone("OPS", "1", 1, "cursor-1");
        rollups.record("OPS", ImportAttempt.CREATED, List.of());
        runs.pageDone("OPS", "2", 1, "cursor-2");

        assertThat(CompletableFuture.supplyAsync(this::attempts).get()).isZero();
        assertThat(runs.find("OPS").orElseThrow().pagesDone()).as("read in the transaction, before the commit").isZero();
        transaction.commit();

        assertThat(attempts()).isEqualTo(2);
        assertThat(runs.find("OPS").orElseThrow()).satisfies(run -> {
            assertThat(run.pagesDone()).isEqualTo(2);
            assertThat(run.position()).isEqualTo("cursor-2");
        });
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
