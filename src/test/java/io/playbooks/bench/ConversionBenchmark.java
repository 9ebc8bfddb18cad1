package io.playbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Conversion throughput on the 30 conformance pages (one operation = one page), beside the floor: the bare
 * jsoup XML parse of the same pages. Run after {@code mvn -B -q -o test-compile} and
 * {@code mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ConversionBenchmark -t 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConversionBenchmark {

    private static final int PAGES = 30;

    private final PageConverter converter = new PageConverter();
    private List<SourcePage> pages;

    @Setup
    public void loadPages() throws IOException, URISyntaxException {
        pages = conformancePages();
    }

    /** The 30 conformance pages with the title, space and labels of their annotation. */
    static List<SourcePage> conformancePages() throws IOException, URISyntaxException {
        Path corpus = Path.of(ConversionBenchmark.class.getResource("/corpus/authored").toURI());
        ObjectMapper json = new ObjectMapper();
        List<SourcePage> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".xhtml", "");
                JsonNode expected = json.readTree(corpus.resolve(name + ".expected.json").toFile());
                List<String> labels = new ArrayList<>();
                expected.path("labels").forEach(label -> labels.add(label.asText()));
                pages.add(SourcePage.of(name, expected.path("space").asText(), expected.path("title").asText(),
                        labels, Files.readString(file)));
            }
        }
        if (pages.size() != PAGES) {
            throw new IllegalStateException("expected " + PAGES + " pages in " + corpus + ", found " + pages.size());
        }
        return pages;
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void convert(Blackhole blackhole) {
        for (SourcePage page : pages) {
            blackhole.consume(converter.convert(page));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void parseFloor(Blackhole blackhole) {
        for (SourcePage page : pages) {
            blackhole.consume(Jsoup.parse(page.storageBody(), "", Parser.xmlParser()));
        }
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {ConversionBenchmark.class.getSimpleName(), "-t", "1"});
    }
}
