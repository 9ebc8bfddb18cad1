package io.playbooks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of a process's threads, by thread group, from Linux's {@code /proc/PID/task/TID/stat}: the threads of
 * the JVM itself (JIT compilers, garbage collector) included, which a Java profiler does not sample. Threads of one
 * group share their name up to a trailing number ("GC Thread#0", "GC Thread#1"); the kernel keeps the first 15
 * characters of a name. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    /** Clock ticks per second of {@code utime} and {@code stime} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    /** Seconds of CPU each thread has used so far, by thread id (with its group). */
    static Map<Long, Sample> of(long pid) {
        Map<Long, Sample> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> read(task).ifPresent(sample ->
                    threads.put(Long.parseLong(task.getFileName().toString()), sample)));
        } catch (IOException e) {
            // the process ended: nothing more to read
        }
        return threads;
    }

    /** CPU seconds by thread group between two readings, largest first, as lines "  12.3 s  GC Thread". */
    static String difference(Map<Long, Sample> before, Map<Long, Sample> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((tid, sample) -> {
            Sample earlier = before.get(tid);
            double seconds = sample.seconds() - (earlier == null ? 0 : earlier.seconds());
            groups.merge(sample.group(), seconds, Double::sum);
        });
        StringBuilder lines = new StringBuilder();
        groups.entrySet().stream().filter(group -> group.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(group -> lines.append(String.format("  %6.1f s  %s%n", group.getValue(), group.getKey())));
        return lines.toString();
    }

    private static java.util.Optional<Sample> read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // "tid (name) state ppid ...": the name may hold spaces and parentheses, so split at the last ')'
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            // after the name: state is field 3 of stat(5), utime 14 and stime 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            String group = stat.substring(open + 1, close).replaceAll("[#\\-]?\\d+$", "").trim();
            return java.util.Optional.of(new Sample(group, ticks / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            // the thread ended between the listing and the read
            return java.util.Optional.empty();
        }
    }

    record Sample(String group, double seconds) {
    }
}
