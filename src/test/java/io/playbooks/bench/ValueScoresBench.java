package io.playbooks.bench;

import io.playbooks.confluence.FakeConfluence;
import io.playbooks.confluence.FakeConfluence.CorpusPage;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.learning.ExecutionLog;
import io.playbooks.learning.LearnedValues;
import io.playbooks.learning.UsageChannel;
import io.playbooks.learning.UsageKind;
import io.playbooks.learning.UsageLog;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.Transactions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A harness, not a test: what learning costs. On an H2 file database like the default one (WRITE_DELAY=500), with N
 * playbooks converted from the authored pages and U uses spread over the last year, it prints the time of one
 * recorded use (the insert every read of a playbook adds), the first computation of every value score (conversion
 * quality of every playbook included), a recomputation after one more use, and one {@code valueOf} from the
 * snapshot (what search pays per hit).
 * <pre>
 * java -cp $CP io.playbooks.bench.ValueScoresBench [playbooks] [uses]
 * </pre>
 */
public final class ValueScoresBench {

    private ValueScoresBench() {
    }

    public static void main(String[] args) throws Exception {
        int playbooks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int uses = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path work = Files.createDirectories(Path.of("target/bench/values-" + System.currentTimeMillis()));
        try (Database database = Database.open("jdbc:h2:file:" + work.toAbsolutePath().resolve("playbooks")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=500", "", "")) {
            PlaybookStore store = new PlaybookStore(database.dataSource());
            List<Long> ids = storePlaybooks(store, playbooks);
            insertUses(database, ids, uses);
            Transactions transactions = new Transactions(database.dataSource());
            Clock clock = Clock.systemUTC();
            UsageLog usage = new UsageLog(transactions, clock);
            LearnedValues values = new LearnedValues(store, usage, new ExecutionLog(transactions, clock), clock,
                    Duration.ofSeconds(1), Duration.ofMinutes(5));

            int records = 2000;
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                usage.record(ids.get(i % ids.size()), UsageKind.FETCHED, UsageChannel.API);
            }
            System.out.printf("one recorded use: %.3f ms (mean of %d inserts)%n", (System.nanoTime() - start) / 1e6 / records, records);

            start = System.nanoTime();
            values.valueOf(ids.get(0));
            System.out.printf("first computation of %d playbooks with %d uses: %d ms%n", playbooks, uses + records,
                    (System.nanoTime() - start) / 1_000_000);

            usage.record(ids.get(1), UsageKind.SEARCH_OPENED, UsageChannel.MCP);
            Thread.sleep(1100);
            start = System.nanoTime();
            values.valueOf(ids.get(1));
            System.out.printf("recomputation after one more use: %d ms%n", (System.nanoTime() - start) / 1_000_000);

            int lookups = 1_000_000;
            double sum = 0;
            start = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                sum += values.valueOf(ids.get(i % ids.size()));
            }
            System.out.printf("valueOf from the snapshot: %.0f ns (mean of %d; checksum %.1f)%n",
                    (double) (System.nanoTime() - start) / lookups, lookups, sum);
        }
    }

    private static List<Long> storePlaybooks(PlaybookStore store, int count) {
        PageConverter converter = new PageConverter();
        List<CorpusPage> corpus = FakeConfluence.authoredCorpus();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            CorpusPage page = corpus.get(i % corpus.size());
            Conversion conversion = converter.convert(new SourcePage(Integer.toString(100_000 + i), "BENCH",
                    page.title() + " #" + i, page.labels(), 1, page.body(), null, Instant.now(), List.of()));
            if (conversion.hasPlaybook()) {
                ids.add(store.save(conversion, false).playbookId());
            }
        }
        return ids;
    }

    private static void insertUses(Database database, List<Long> ids, int count) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now();
        UsageKind[] kinds = UsageKind.values();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO playbook_usage (playbook_id, kind, channel, used_at) VALUES (?, ?, 'api', ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert.setLong(1, ids.get(random.nextInt(ids.size())));
                insert.setString(2, kinds[random.nextInt(kinds.length)].code());
                insert.setObject(3, now.minusSeconds(random.nextInt(365 * 86_400)).atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
