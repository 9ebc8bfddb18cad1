package io.playbooks.bench;

import io.playbooks.conversion.PageConverter;
import io.playbooks.page.SourcePage;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Companion of {@link ConversionBenchmark} for a shared, loaded machine: counts the CPU time of the measuring
 * thread (ThreadMXBean), not wall time, so time spent waiting for a core does not count. Prints pages per
 * CPU-second for conversion and for the bare jsoup XML parse, and their ratio. The two alternate in short slices
 * (conversion, then parse, twenty times), so that both meet the same load, and each figure is the median over the
 * slices, with their range. Run:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.playbooks.bench.ConversionCpuTime</pre>
 */
public final class ConversionCpuTime {

    private static final int ROUNDS = 2000;
    private static final int SLICES = 20;
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
        double[] convertRates = new double[SLICES];
        double[] parseRates = new double[SLICES];
        double[] ratios = new double[SLICES];
        for (int slice = 0; slice < SLICES; slice++) {
            convertRates[slice] = measure(pages, convert, ROUNDS / SLICES);
            parseRates[slice] = measure(pages, parse, ROUNDS / SLICES);
            ratios[slice] = parseRates[slice] / convertRates[slice];
        }
        System.out.printf(Locale.ROOT, "convert %s pages/CPU-s, jsoup XML parse %s pages/CPU-s, convert costs %sx the parse "
                + "(medians of %d alternating slices, range in brackets)%n", rates(convertRates), rates(parseRates),
                ratio(ratios), SLICES);
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

    private static String rates(double[] values) {
        double[] sorted = sorted(values);
        return String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    private static String ratio(double[] values) {
        double[] sorted = sorted(values);
        return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double median(double[] sorted) {
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }
}
