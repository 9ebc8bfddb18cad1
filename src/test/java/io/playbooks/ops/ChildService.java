package io.playbooks.ops;

import io.playbooks.Application;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service started as a child process of the test (so that it can be killed for real), with properties given as
 * {@code -D} options and its log (the service's own logging, INFO) in a file.
 */
final class ChildService {

    /** The WRITE_DELAY of the default database URL (config/application.properties). */
    static final int DEFAULT_WRITE_DELAY_MS = 500;
    /** A WRITE_DELAY longer than any test: what is in the file before a kill was written by the service's flush points. */
    static final int COMMITS_HELD_IN_MEMORY = 600_000;

    private ChildService() {
    }

    static Process launch(Map<String, String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(Application.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Launches the service on {@code port} with an H2 file under {@code workDir/db} that holds commits in memory for
     * {@code writeDelayMs} (WRITE_DELAY: with a long one, only the service's own flush points write them to the file
     * before a kill), the Confluence settings of {@code config} and the schedule paused, and waits until it answers.
     */
    static Process startOnH2File(Path workDir, int port, Path config, String logName, int writeDelayMs) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("playbooks.db.url", h2Url(workDir, writeDelayMs));
        properties.put("playbooks.config.file", config.toString());
        properties.put("playbooks.data.dir", workDir.resolve("data").toString());
        properties.put("playbooks.offline.dir", Files.createDirectories(workDir.resolve("offline")).toString());
        properties.put("confluence.sync.schedule-paused", "true");
        Path log = workDir.resolve(logName);
        Process node = launch(properties, log);
        try {
            awaitAnswer(port, node, log);
        } catch (Exception | AssertionError e) {
            node.destroyForcibly();
            throw e;
        }
        return node;
    }

    /** The H2 file database of {@link #startOnH2File}, for a test to read once the service is gone. */
    static String h2Url(Path workDir) {
        return h2Url(workDir, DEFAULT_WRITE_DELAY_MS);
    }

    private static String h2Url(Path workDir, int writeDelayMs) {
        return "jdbc:h2:file:" + workDir.resolve("db/playbooks") + ";AUTO_SERVER=FALSE;WRITE_DELAY=" + writeDelayMs;
    }

    /** Waits until the API of the child on {@code port} answers; fails with its log if it exits first. */
    static void awaitAnswer(int port, Process node, Path log) throws Exception {
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
