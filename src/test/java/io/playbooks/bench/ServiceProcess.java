package io.playbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.confluence.FakeConfluence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built jar ({@code target/confluence-playbooks.jar}) started as its own process for a benchmark, with its
 * database, data and offline folders under a work folder, on a given port; stopped with SIGTERM on close.
 */
final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Duration startup;
    private final Duration startupCpu;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceProcess(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        // read at once: the CPU the JVM used until its first answer, which a busy machine inflates much less than the wall time
        this.startupCpu = process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * Launches the service and waits for its first answer to {@code GET /api/v1/confluence/status}.
     * {@code config} is a config.json (null: none, so the service runs on the offline folder alone).
     */
    static ServiceProcess launch(Path work, int port, Path config, List<String> jvmOptions) throws Exception {
        Files.createDirectories(work);
        // -Dbench.java: another JVM than the java on the PATH (e.g. the JDK 25 that bin/playbooks picks)
        List<String> command = new ArrayList<>(List.of(System.getProperty("bench.java", "java")));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dplaybooks.config.file=" + (config == null ? work.resolve("no-config.json") : config),
                "-Dplaybooks.data.dir=" + work.resolve("data"),
                "-Dconfluence.sync.schedule-paused=true", "-jar", System.getProperty("bench.jar", "target/confluence-playbooks.jar")));
        ProcessBuilder launch = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = launch.environment();
        env.put("PLAYBOOKS_HTTP_PORT", Integer.toString(port));
        // the options of the default URL (config/application.properties), in a folder of the run; -Dbench.db-base
        // replaces them (e.g. ";AUTO_SERVER=FALSE;WRITE_DELAY=0" for a file write at every commit, the default before
        // io.playbooks.storage.Durability), and -Dbench.db-options adds some, e.g. ";TRACE_LEVEL_FILE=2" to trace every statement into db/playbooks.trace.db
        env.put("PLAYBOOKS_DB_URL", "jdbc:h2:file:" + work.toAbsolutePath().resolve("db/playbooks")
                + System.getProperty("bench.db-base", ";AUTO_SERVER=FALSE;WRITE_DELAY=500") + System.getProperty("bench.db-options", ""));
        env.put("PLAYBOOKS_OFFLINE_DIR", Files.createDirectories(work.resolve("offline")).toString());
        Instant launched = Instant.now();
        Process process = launch.start();
        return new ServiceProcess(process, port, awaitFirstAnswer(process, port, launched));
    }

    /** A config.json under {@code work} that points the service at one space of a fake Confluence Cloud. */
    static Path confluenceConfig(Path work, FakeConfluence site, String spaceKey) throws IOException {
        Path config = Files.createDirectories(work).resolve("config.json");
        JSON.writeValue(config.toFile(), Map.of("connectors", Map.of("confluence", Map.of(
                "enabled", true, "url", site.baseUrl(), "spaces", List.of(spaceKey),
                "credentials", Map.of("username", FakeConfluence.CLOUD_USER, "token", FakeConfluence.CLOUD_TOKEN)))));
        return config;
    }

    /** From the launch of the JVM to the first 200 answer of the API. */
    Duration startup() {
        return startup;
    }

    /** CPU time (user and system, all threads) the service had used when it first answered. */
    Duration startupCpu() {
        return startupCpu;
    }

    long pid() {
        return process.pid();
    }

    URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/confluence" + path);
    }

    JsonNode get(String path) throws Exception {
        return answer(path, HttpRequest.newBuilder(api(path)).GET());
    }

    JsonNode post(String path, String body) throws Exception {
        return answer(path, HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode answer(String path, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    private static Duration awaitFirstAnswer(Process process, int port, Instant launched) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + port + "/api/v1/confluence/status");
        while (Duration.between(launched, Instant.now()).toSeconds() < 300) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " (see service.log)");
            }
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(status).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    return Duration.between(launched, Instant.now());
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        // a service left running would hold the port and answer the next run with this run's settings
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the service did not answer within 300 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
