package io.playbooks.ops;

import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service processes on one embedded PostgreSQL with the clustered schedule: every tick of the sync runs on one
 * of them, and after a {@code kill -9} of one the other goes on with the next ticks.
 */
class ClusteredScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Pattern TICK = Pattern.compile("tick of the sync schedule due (\\S+)");

    @TempDir
    Path workDir;

    private EmbeddedPostgres postgres;
    private FakeConfluence site;
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor();
        }
        if (site != null) {
            site.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachTickRunsOnOneInstanceAndTheOtherTakesOverAfterAKill() throws Exception {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-pg")).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE cluster");
        }
        site = FakeConfluence.cloud().start();
        site.addSpace("OPS", "Operations");
        site.now(Instant.now());
        site.addAuthoredPages("OPS");
        Path config = ConnectorTestSupport.configFor(site, workDir, List.of("OPS"),
                Map.of("sync_interval", (int) INTERVAL.toSeconds()));

        Path logA = workDir.resolve("a.log");
        Path logB = workDir.resolve("b.log");
        int portA = ChildService.freePort();
        int portB = ChildService.freePort();
        Process a = launch("a", portA, config, logA);
        Process b = launch("b", portB, config, logB);
        ChildService.awaitAnswer(portA, a, logA);
        ChildService.awaitAnswer(portB, b, logB);
        Instant bothUp = Instant.now();

        awaitTicks(List.of(logA, logB), ticks -> ticks.stream().filter(t -> t.isAfter(bothUp)).count() >= 4);
        a.destroyForcibly().waitFor();
        Instant killed = Instant.now();
        awaitTicks(List.of(logB), ticks -> ticks.stream().filter(t -> t.isAfter(killed)).count() >= 2);

        List<Instant> ticks = new ArrayList<>(ticks(logA));
        ticks.addAll(ticks(logB));
        List<Instant> watched = ticks.stream().filter(t -> t.isAfter(bothUp)).sorted().toList();
        assertThat(watched).as("no tick ran on both instances").doesNotHaveDuplicates();
        for (int i = 1; i < watched.size(); i++) {
            long apart = Duration.between(watched.get(i - 1), watched.get(i)).toMillis();
            assertThat(apart % INTERVAL.toMillis()).as("ticks %s and %s belong to one schedule", watched.get(i - 1),
                    watched.get(i)).isZero();
        }
        assertThat(ticks(logB)).as("the survivor runs the ticks after the kill").anyMatch(t -> t.isAfter(killed));
    }

    private Process launch(String name, int port, Path config, Path log) throws IOException {
        Path home = Files.createDirectories(workDir.resolve(name));
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("playbooks.db.url", postgres.getJdbcUrl("postgres", "cluster"));
        properties.put("playbooks.db.user", "postgres");
        properties.put("playbooks.cluster.enabled", "true");
        properties.put("confluence.sync.schedule-paused", "false");
        properties.put("playbooks.config.file", config.toString());
        properties.put("playbooks.data.dir", home.resolve("data").toString());
        properties.put("playbooks.offline.dir", Files.createDirectories(home.resolve("offline")).toString());
        Process node = ChildService.launch(properties, log);
        nodes.add(node);
        return node;
    }

    private static void awaitTicks(List<Path> logs, Predicate<List<Instant>> enough) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            List<Instant> ticks = new ArrayList<>();
            for (Path log : logs) {
                ticks.addAll(ticks(log));
            }
            if (enough.test(ticks)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ticks did not come within 120 s; logs: " + logs);
    }

    /** The due times of the ticks an instance logged. */
    private static List<Instant> ticks(Path log) throws IOException {
        List<Instant> ticks = new ArrayList<>();
        Matcher tick = TICK.matcher(Files.readString(log));
        while (tick.find()) {
            ticks.add(OffsetDateTime.parse(tick.group(1)).toInstant());
        }
        return ticks;
    }
}
