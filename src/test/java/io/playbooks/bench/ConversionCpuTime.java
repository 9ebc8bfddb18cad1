package io.playbooks.bench;

import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Companion of {@link ConversionBenchmark} for a shared, loaded machine: counts the CPU time of the measuring
 * thread (ThreadMXBean), not wall time, so time spent waiting for a core does not count. Prints pages per
 * CPU-second for conversion and for the bare jsoup XML parse, and their ratio. Run:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.playbooks.bench.ConversionCpuTime</pre>
 */
public final class ConversionCpuTime {

    private static final int ROUNDS = 2000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ConversionCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        List<SourcePage> pages = ConversionBenchmark.conformancePages();
        PageConverter converter = new PageConverter();
        Consumer<SourcePage> convert = converter::convert;
        Consumer<SourcePage> parse = page -> Jsoup.parse(page.storageBody(), "", Parser.xmlParser());
        measure(pages, convert, ROUNDS / 2);
        measure(pages, parse, ROUNDS / 2);
        double convertRate = measure(pages, convert, ROUNDS);
        double parseRate = measure(pages, parse, ROUNDS);
        System.out.printf(Locale.ROOT, "convert %.0f pages/CPU-s, jsoup XML parse %.0f pages/CPU-s, convert costs %.2fx the parse%n",
                convertRate, parseRate, parseRate / convertRate);
    }

    /** Pages per CPU-second of the current thread over {@code rounds} passes over the pages. */
    private static double measure(List<SourcePage> pages, Consumer<SourcePage> work, int rounds) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (SourcePage page : pages) {
                work.accept(page);
            }
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        return (double) rounds * pages.size() / (nanos / 1e9);
    }
}
