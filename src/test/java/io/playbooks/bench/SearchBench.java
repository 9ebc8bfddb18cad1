package io.playbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.page.SourcePage;
import io.playbooks.search.MiniLmEmbedder;
import io.playbooks.search.PlaybookSearch;
import io.playbooks.search.SearchFixture;
import io.playbooks.search.SearchIndex;
import io.playbooks.search.TextEmbedder;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A harness, not a test: search over N stored playbooks (10,000 by default), made by varying the 28 playbooks of
 * samples/ and the annotated corpus (service, region and team written into title and text, so every copy has its
 * own words). It prints the embedding cost per document (wall and CPU time of one thread), the rebuild of the index
 * from the database (first start: embeddings written to the database; restart: read back), and p50/p95/p99 of
 * {@link PlaybookSearch#search} for the on-call questions of src/test/resources/search/queries.json, hybrid and
 * words only. Each figure is measured several times: on a shared machine, report the quietest round.
 * <p>
 * Computing 10,000 real embeddings would take minutes of CPU (the ms/doc figure says how many): the copies of one
 * playbook share the embedding of the first copy, which costs the scan exactly what 10,000 distinct vectors cost.
 * <pre>
 * java -cp $CP io.playbooks.bench.SearchBench [playbooks] [rounds]
 * </pre>
 */
public final class SearchBench {

    private static final String[] SERVICES = {"orders", "billing", "checkout", "inventory", "payments", "search",
            "shipping", "tracking", "pricing", "identity", "notifications", "catalog", "reporting", "ledger", "fraud",
            "loyalty", "returns", "warehouse", "routing", "invoicing", "customer-portal", "partner-gateway", "media",
            "analytics", "scheduler", "ingest", "export", "audit", "mailer", "session"};
    private static final String[] REGIONS = {"eu-central-1", "eu-west-1", "us-east-1", "us-west-2", "ap-south-1",
            "ap-northeast-1", "sa-east-1", "ca-central-1", "eu-north-1", "af-south-1", "me-south-1", "ap-southeast-2"};
    private static final String[] TEAMS = {"platform", "sre", "data", "payments", "logistics", "identity", "web",
            "mobile"};
    private static final int WARM_UP = 300;
    private static final int QUERIES_PER_ROUND = 1000;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int playbooks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<SourcePage> originals = playbookPages();
        List<String> questions = questions();
        MiniLmEmbedder model = new MiniLmEmbedder();
        long loadStart = System.nanoTime();
        model.load();
        System.out.printf(Locale.ROOT, "model %s loaded in %d ms%n", model.model(), ms(System.nanoTime() - loadStart));
        embeddingCost(model, originals, rounds);

        try (Database database = Database.open("jdbc:h2:mem:search-bench;DB_CLOSE_DELAY=-1", "", "")) {
            PlaybookStore store = new PlaybookStore(database.dataSource());
            long storeStart = System.nanoTime();
            storeCopies(store, originals, playbooks);
            System.out.printf(Locale.ROOT, "%d playbooks stored in %d ms%n", playbooks, ms(System.nanoTime() - storeStart));

            CopyEmbedder copies = new CopyEmbedder(model, originals);
            SearchIndex index = rebuild("first start (embeddings written to the database)", store, database, copies);
            for (int round = 1; round < rounds; round++) {
                index.stop();
                index = rebuild("restart " + round + " (embeddings read back)", store, database, copies);
            }
            latency("hybrid", new PlaybookSearch(index, PlaybookValues.NONE), questions, rounds);
            index.stop();
            SearchIndex wordsOnly = rebuild("words only", store, database, TextEmbedder.OFF);
            latency("words only", new PlaybookSearch(wordsOnly, PlaybookValues.NONE), questions, rounds);
            wordsOnly.stop();
        }
    }

    /** ms per document text: wall time and CPU time of the embedding thread (which the shared machine skews less). */
    private static void embeddingCost(MiniLmEmbedder model, List<SourcePage> originals, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int texts = 0;
            for (int copy = 0; copy < 4; copy++) {
                for (SourcePage page : originals) {
                    model.embed(copyTitle(page, copy) + ". " + PlainText.of(page.storageBody(), 1000));
                    texts++;
                }
            }
            System.out.printf(Locale.ROOT, "embedding, round %d: %.1f ms/doc wall, %.1f ms/doc CPU (%d texts of up to "
                            + "1000 characters)%n", round, (System.nanoTime() - wall) / 1e6 / texts,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / texts, texts);
        }
    }

    private static SearchIndex rebuild(String what, PlaybookStore store, Database database, TextEmbedder embedder) {
        long start = System.nanoTime();
        SearchIndex index = SearchFixture.startedIndex(store, database, embedder);
        System.out.printf(Locale.ROOT, "rebuild, %s: %d playbooks, %d embedded, %d ms until settled%n", what,
                index.status().playbooks(), index.status().embedded(), ms(System.nanoTime() - start));
        return index;
    }

    private static void latency(String what, PlaybookSearch search, List<String> questions, int rounds) {
        for (int i = 0; i < WARM_UP; i++) {
            search.search(questions.get(i % questions.size()), "10", null, null);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long[] wall = new long[QUERIES_PER_ROUND];
            long[] cpu = new long[QUERIES_PER_ROUND];
            for (int i = 0; i < QUERIES_PER_ROUND; i++) {
                String question = questions.get(i % questions.size());
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                search.search(question, "10", null, null);
                wall[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            }
            System.out.printf(Locale.ROOT, "search %s, round %d: wall %s; CPU of the searching thread %s (%d queries)%n",
                    what, round, percentiles(wall), percentiles(cpu), QUERIES_PER_ROUND);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 95 / 100] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
    }

    private static void storeCopies(PlaybookStore store, List<SourcePage> originals, int playbooks) {
        PageConverter converter = new PageConverter(SearchFixture.CATEGORIES);
        for (int i = 0; i < playbooks; i++) {
            SourcePage original = originals.get(i % originals.size());
            int copy = i / originals.size();
            String service = SERVICES[copy % SERVICES.length];
            String region = REGIONS[(copy / SERVICES.length) % REGIONS.length];
            String intro = "<p>Applies to the " + service + " service in " + region + ", owned by the "
                    + TEAMS[copy % TEAMS.length] + " team.</p>";
            SourcePage page = new SourcePage(original.id() + "-" + i, original.spaceKey(), copyTitle(original, copy),
                    original.labels(), 1, intro + original.storageBody(), null, original.lastModified(), List.of());
            store.save(converter.convert(page), false);
        }
    }

    private static String copyTitle(SourcePage original, int copy) {
        return copy == 0 ? original.title() : original.title() + " (" + SERVICES[copy % SERVICES.length] + ", "
                + REGIONS[(copy / SERVICES.length) % REGIONS.length] + ")";
    }

    private static List<SourcePage> playbookPages() throws Exception {
        PageConverter converter = new PageConverter(SearchFixture.CATEGORIES);
        List<SourcePage> pages = new ArrayList<>();
        for (SourcePage page : SearchFixture.corpusPages()) {
            Conversion conversion = converter.convert(page);
            if (conversion.hasPlaybook()) {
                pages.add(page);
            }
        }
        return pages;
    }

    private static List<String> questions() throws Exception {
        List<String> questions = new ArrayList<>();
        JsonNode set = new ObjectMapper().readTree(Path.of("src/test/resources/search/queries.json").toFile());
        set.get("queries").forEach(q -> questions.add(q.get("q").asText()));
        return questions;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The real model for queries; a document text gets the embedding of the first copy of its playbook. */
    private static final class CopyEmbedder implements TextEmbedder {
        private final MiniLmEmbedder model;
        private final List<String> titles;
        private final Map<String, float[]> byTitle = new ConcurrentHashMap<>();

        CopyEmbedder(MiniLmEmbedder model, List<SourcePage> originals) {
            this.model = model;
            this.titles = originals.stream().map(SourcePage::title).toList();
        }

        @Override
        public String model() {
            return model.model();
        }

        @Override
        public void load() {
            model.load();
        }

        @Override
        public boolean ready() {
            return model.ready();
        }

        @Override
        public float[] embed(String text) {
            String title = titles.stream().filter(text::startsWith).max((a, b) -> a.length() - b.length()).orElse(null);
            return title == null ? model.embed(text) : byTitle.computeIfAbsent(title, t -> model.embed(text));
        }
    }

    /** The visible text of a storage-format body, cut: what the ms/doc figure embeds. */
    private static final class PlainText {
        static String of(String body, int max) {
            String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
            return text.length() > max ? text.substring(0, max) : text;
        }
    }
}
