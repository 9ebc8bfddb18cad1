package io.playbooks.storage;

import io.playbooks.learning.Execution;
import io.playbooks.learning.ExecutionLog;
import io.playbooks.learning.ExecutionOutcome;
import io.playbooks.learning.ExecutionReport;
import io.playbooks.learning.LearnedValues;
import io.playbooks.learning.OutcomeTally;
import io.playbooks.learning.PlaybookValue;
import io.playbooks.learning.SpaceValue;
import io.playbooks.learning.UsageChannel;
import io.playbooks.learning.UsageKind;
import io.playbooks.learning.UsageLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.playbooks.storage.StoreFixtures.conversion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The learning tables (playbook_usage of V4, playbook_executions of V6) and the value scores computed from them,
 * run against each database the service supports (see the subclasses).
 */
abstract class LearningTablesContract {

    private static final Instant NOW = Instant.parse("2026-11-27T23:30:00Z");

    private Database database;
    private PlaybookStore store;
    private Transactions transactions;

    protected abstract Database openDatabase(String name) throws Exception;

    @BeforeEach
    void open(TestInfo test) throws Exception {
        database = openDatabase("learning_" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT));
        store = new PlaybookStore(database.dataSource());
        transactions = new Transactions(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void usesAreReadBackInOrderFromAGivenId() {
        long deploy = save("101", "Deploy Application");
        long restart = save("102", "Restart Cache");
        UsageLog today = usageAt(NOW);
        UsageLog lastYear = usageAt(NOW.minus(Duration.ofDays(400)));
        today.record(deploy, UsageKind.FETCHED, UsageChannel.API);
        lastYear.record(restart, UsageKind.EXECUTED, UsageChannel.MCP);
        today.record(deploy, UsageKind.SEARCH_OPENED, UsageChannel.DASHBOARD);

        List<UsageLog.Use> all = new ArrayList<>();
        long highest = today.forEachAfter(0, all::add);
        List<UsageLog.Use> afterFirst = new ArrayList<>();
        long unchanged = today.forEachAfter(highest, afterFirst::add);
        List<UsageLog.Use> lastTwo = new ArrayList<>();
        today.forEachAfter(all.get(0).id(), lastTwo::add);

        assertThat(all).extracting(UsageLog.Use::playbookId, UsageLog.Use::kind, UsageLog.Use::usedAt).containsExactly(
                tuple(deploy, UsageKind.FETCHED, NOW),
                tuple(restart, UsageKind.EXECUTED, NOW.minus(Duration.ofDays(400))),
                tuple(deploy, UsageKind.SEARCH_OPENED, NOW));
        assertThat(highest).isEqualTo(all.get(2).id());
        assertThat(afterFirst).isEmpty();
        assertThat(unchanged).isEqualTo(highest);
        assertThat(lastTwo).containsExactlyElementsOf(all.subList(1, 3));
    }

    @Test
    void theFingerprintMovesWithEveryUseAndEveryNewVersion() {
        long deploy = save("101", "Deploy Application");
        UsageLog usage = usageAt(NOW);
        UsageLog.Fingerprint before = usage.fingerprint();

        usage.record(deploy, UsageKind.FETCHED, UsageChannel.API);
        UsageLog.Fingerprint afterUse = usage.fingerprint();
        store.save(conversion("OPS", "101", "Deploy Application", 2, "ssh prod\nsystemctl restart app"), false);
        UsageLog.Fingerprint afterVersion = usage.fingerprint();

        assertThat(afterUse.newestUse()).isGreaterThan(before.newestUse());
        assertThat(afterUse.newestVersion()).isEqualTo(before.newestVersion());
        assertThat(afterVersion.newestVersion()).isGreaterThan(afterUse.newestVersion());
        assertThat(usage.fingerprint()).isEqualTo(afterVersion);
    }

    @Test
    void anExecutionIsStoredWithItsUseAndReadBackNewestFirst() throws Exception {
        long deploy = save("101", "Deploy Application");
        ExecutionLog executions = new ExecutionLog(transactions, Clock.fixed(NOW, ZoneOffset.UTC));

        Execution first = executions.add(deploy, new ExecutionReport(ExecutionOutcome.FAILURE, 1500, "step 2: permission denied"),
                UsageChannel.MCP);
        Execution second = executions.add(deploy, new ExecutionReport(ExecutionOutcome.SUCCESS, 90_000, null), UsageChannel.API);

        assertThat(first.playbookId()).isEqualTo(deploy);
        assertThat(first.reportedAt()).isEqualTo(NOW);
        assertThat(executions.newest(deploy, 10)).containsExactly(second, first);
        assertThat(executions.newest(deploy, 1)).containsExactly(second);
        assertThat(executions.count(deploy)).isEqualTo(2);
        assertThat(usageRows()).containsExactly("executed/mcp", "executed/api");
    }

    @Test
    void outcomesAreCountedPerPlaybook() {
        long deploy = save("101", "Deploy Application");
        long restart = save("102", "Restart Cache");
        save("103", "Never Run");
        ExecutionLog executions = new ExecutionLog(transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        for (ExecutionOutcome outcome : List.of(ExecutionOutcome.SUCCESS, ExecutionOutcome.SUCCESS, ExecutionOutcome.PARTIAL)) {
            executions.add(deploy, new ExecutionReport(outcome, 10, null), UsageChannel.API);
        }
        executions.add(restart, new ExecutionReport(ExecutionOutcome.ABORTED, 10, null), UsageChannel.API);

        Map<Long, OutcomeTally> tallies = executions.tallies();

        assertThat(tallies).containsOnlyKeys(deploy, restart);
        assertThat(tallies.get(deploy).of(ExecutionOutcome.SUCCESS)).isEqualTo(2);
        assertThat(tallies.get(deploy).credit()).isEqualTo(2.5);
        assertThat(tallies.get(restart).runs()).isEqualTo(1);
    }

    @Test
    void anExecutionOfAPlaybookNotStoredIsRefusedAndLeavesNoUse() throws Exception {
        ExecutionLog executions = new ExecutionLog(transactions, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> executions.add(999, new ExecutionReport(ExecutionOutcome.SUCCESS, 1, null), UsageChannel.API))
                .isInstanceOf(StoreException.class).hasMessageContaining("store an execution of playbook 999");
        assertThat(usageRows()).isEmpty();
    }

    @Test
    void learnedValuesRankTheUsedAndSuccessfulPlaybookFirstAndFollowNewUse() {
        long deploy = save("101", "Deploy Application");
        long restart = save("102", "Restart Cache");
        Clock clock = Clock.systemUTC();
        UsageLog usage = new UsageLog(transactions, clock);
        ExecutionLog executions = new ExecutionLog(transactions, clock);
        LearnedValues values = new LearnedValues(store, usage, executions, clock, Duration.ZERO, Duration.ofMinutes(5));
        double unused = values.valueOf(deploy);
        assertThat(unused).isEqualTo(values.valueOf(restart));

        executions.add(deploy, new ExecutionReport(ExecutionOutcome.SUCCESS, 1000, null), UsageChannel.MCP);
        usage.record(deploy, UsageKind.SEARCH_OPENED, UsageChannel.API);

        assertThat(values.valueOf(deploy)).isGreaterThan(unused);
        assertThat(values.valueOf(restart)).isEqualTo(unused);
        assertThat(values.valueOf(424242)).isZero();
        PlaybookValue explained = values.explain(store.find(deploy).orElseThrow());
        assertThat(explained.component("use").figures()).containsEntry("executed", 1L).containsEntry("search_opened", 1L);
        assertThat(explained.component("outcomes").figures()).containsEntry("success", 1L);
        SpaceValue space = values.explainSpace("OPS");
        assertThat(space.playbooks()).isEqualTo(2);
        assertThat(space.mostValuable().get(0).playbookId()).isEqualTo(deploy);
        assertThat(space.value()).isEqualTo((values.valueOf(deploy) + values.valueOf(restart)) / 2,
                within(1e-4));
        assertThat(values.valueOfSpace("OPS")).isEqualTo(space.value());
        assertThat(values.valueOfSpace("NONE")).isZero();
    }

    private long save(String pageId, String title) {
        return store.save(conversion("OPS", pageId, title, 1, "ssh prod\nsystemctl restart app"), false).playbookId();
    }

    private UsageLog usageAt(Instant instant) {
        return new UsageLog(transactions, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private List<String> usageRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT kind, channel FROM playbook_usage ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "/" + result.getString(2));
            }
        }
        return rows;
    }
}
