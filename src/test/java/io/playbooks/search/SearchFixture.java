package io.playbooks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.OfflinePageReader;
import io.playbooks.page.SourcePage;
import io.playbooks.storage.Database;
import io.playbooks.storage.PlaybookStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pages search is measured on, stored in a real database: the runbooks of {@code samples/} and the playbooks of
 * the annotated corpus ({@code src/test/resources/corpus/authored}, page id = file name); and a search index over
 * them, started as the service starts it and waited for.
 */
public final class SearchFixture {

    static final Path SAMPLES = Path.of("samples");
    static final Path AUTHORED = Path.of("src/test/resources/corpus/authored");
    public static final Map<String, String> CATEGORIES = Map.of("OPS", "operations", "PLATFORM", "platform",
            "DBA", "database", "SEC", "security", "INFRA", "infrastructure", "DEVOPS", "delivery", "PLAT", "platform");
    /** One model for every test of the JVM: it is immutable, and loading it takes seconds. */
    static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchFixture() {
    }

    public static Database database(String name) {
        return Database.open("jdbc:h2:mem:search-" + name + ";DB_CLOSE_DELAY=-1", "", "");
    }

    /** Converts and stores every page of both folders that is a playbook; returns how many were stored. */
    static int importCorpus(PlaybookStore store) throws Exception {
        PageConverter converter = new PageConverter(CATEGORIES);
        int stored = 0;
        for (SourcePage page : corpusPages()) {
            Conversion conversion = converter.convert(page);
            if (conversion.hasPlaybook()) {
                store.save(conversion, false);
                stored++;
            }
        }
        return stored;
    }

    public static List<SourcePage> corpusPages() throws Exception {
        List<SourcePage> pages = new ArrayList<>();
        OfflinePageReader reader = new OfflinePageReader();
        for (Path file : reader.pageFiles(SAMPLES)) {
            pages.add(reader.read(file));
        }
        try (Stream<Path> files = Files.list(AUTHORED)) {
            for (Path expected : files.filter(f -> f.toString().endsWith(".expected.json")).sorted().toList()) {
                String name = expected.getFileName().toString().replace(".expected.json", "");
                JsonNode meta = JSON.readTree(expected.toFile());
                List<String> labels = new ArrayList<>();
                meta.path("labels").forEach(label -> labels.add(label.asText()));
                pages.add(SourcePage.of(name, meta.path("space").asText(), meta.path("title").asText(), labels,
                        Files.readString(AUTHORED.resolve(name + ".xhtml"))));
            }
        }
        return pages;
    }

    /** A started index (rebuilt, model loaded, every playbook embedded), as the service has it after its start. */
    public static SearchIndex startedIndex(PlaybookStore store, Database database, TextEmbedder embedder) {
        SearchIndex index = new SearchIndex(store, JSON, new EmbeddingCache(database.dataSource(), Clock.systemUTC()),
                embedder);
        index.start();
        awaitSettled(index);
        return index;
    }

    /** Waits until the index has been rebuilt and, when it has a model, holds the embedding of every playbook. */
    public static void awaitSettled(SearchIndex index) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            SearchIndex.IndexStatus status = index.status();
            boolean embedded = !index.embedder().ready() && index.embedder() == TextEmbedder.OFF
                    || status.semanticReady() && status.embeddingsPending() == 0 && status.embedded() == status.playbooks();
            if (status.rebuilt() && embedded) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the search index did not settle: " + status);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
