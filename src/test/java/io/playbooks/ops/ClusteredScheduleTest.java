package io.playbooks.ops;

import io.playbooks.Application;
import io.playbooks.api.ConnectorTestSupport;
import io.playbooks.confluence.FakeConfluence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        int portA = freePort();
        int portB = freePort();
        Process a = launch("a", portA, config, logA);
        Process b = launch("b", portB, config, logB);
        awaitAnswer(portA, a, logA);
        awaitAnswer(portB, b, logB);
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
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // the service's logging (INFO, with the ticks), not the tests' (warnings only)
                "-Dlog4j2.configurationFile=" + Path.of("src/main/resources/log4j2.xml").toAbsolutePath(),
                "-Dcamel.server.port=" + port,
                "-Dplaybooks.db.url=" + postgres.getJdbcUrl("postgres", "cluster"),
                "-Dplaybooks.db.user=postgres",
                "-Dplaybooks.cluster.enabled=true",
                "-Dconfluence.sync.schedule-paused=false",
                "-Dplaybooks.config.file=" + config,
                "-Dplaybooks.data.dir=" + home.resolve("data"),
                "-Dplaybooks.offline.dir=" + Files.createDirectories(home.resolve("offline")),
                Application.class.getName());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(node);
        return node;
    }

    private static void awaitAnswer(int port, Process node, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + port + "/api/v1/confluence/status");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new AssertionError("instance exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("instance on port " + port + " did not answer within 120 s");
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
