package io.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real service (routes, configuration, HTTP server) started inside a test, on a free port, with its own
 * in-memory H2 database, data folder and offline folder, and with any property overridden.
 */
public final class RunningService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Main main;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    /** Starts the service; {@code name} names its database and folders so tests never share state. */
    public static RunningService start(String name, Path workDir, Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        int port = freePort();
        Path offline = Files.createDirectories(workDir.resolve("offline"));
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("playbooks.db.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        properties.put("playbooks.data.dir", workDir.resolve("data").toString());
        properties.put("playbooks.offline.dir", offline.toString());
        properties.put("playbooks.config.file", workDir.resolve("no-config.json").toString());
        // tests sync when they say so, never on a tick of the schedule
        properties.put("confluence.sync.schedule-paused", "true");
        // search stays lexical unless a test turns the embedding model on: loading it costs seconds of CPU
        properties.put("playbooks.search.semantic.enabled", "false");
        properties.putAll(overrides);
        Main main = Application.newService();
        properties.forEach(main::addOverrideProperty);
        main.start();
        return new RunningService(main, port);
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with a bearer token. */
    public Reply get(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearerToken).GET());
    }

    public Reply post(String path, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A POST with a bearer token. */
    public Reply post(String path, String jsonBody, String bearerToken) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken).POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Reply put(String path, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A POST with any content type, to see what the API does with bodies that are not JSON. */
    public Reply send(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An HTTP answer with its body parsed as JSON on demand. */
    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
