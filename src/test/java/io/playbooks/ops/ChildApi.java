package io.playbooks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** The REST API of a {@link ChildService} on a port, as JSON. */
final class ChildApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    ChildApi(int port) {
        this.port = port;
    }

    JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(api(path)).GET().build());
    }

    JsonNode post(String path, String body) throws Exception {
        return send(postRequest(path, body));
    }

    /** Posts without waiting for the answer (a bulk import answers when it ends). */
    void postInBackground(String path, String body) {
        http.sendAsync(postRequest(path, body), HttpResponse.BodyHandlers.discarding());
    }

    /** Polls {@code GET /sync/status} until its bulk import matches; fails after two minutes. */
    JsonNode awaitBulkImport(Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode bulk = get("/sync/status").get("bulk_import");
            if (bulk != null && !bulk.isNull() && condition.test(bulk)) {
                return bulk;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bulk import did not come to " + what + " within 120 s");
    }

    /** The answer's JSON; an answer that is no success fails the test with its status and body. */
    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest postRequest(String path, String body) {
        return HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/confluence" + path);
    }
}
