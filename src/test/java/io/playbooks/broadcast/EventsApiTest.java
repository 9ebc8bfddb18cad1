package io.playbooks.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.RunningService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log as agents read it, behind the API token: pages by id cursor and by time, bad cursors refused, and
 * the server-sent event stream read by a real HTTP client (resumed with Last-Event-ID, then live).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsApiTest {

    private static final String TOKEN = "events-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService service;
    private ProducerTemplate producer;
    private final List<Long> ids = new ArrayList<>();
    private Instant afterThird;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        service = RunningService.start("events-api", workDir, Map.of("playbooks.api.token", TOKEN,
                "playbooks.broadcast.endpoints", "", "playbooks.events.stream.heartbeat-ms", "500"));
        producer = service.camel().createProducerTemplate();
        for (int i = 1; i <= 5; i++) {
            ids.add(record("Runbook " + i));
            if (i == 3) {
                Thread.sleep(20);
                afterThird = Instant.now();
                Thread.sleep(20);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void pagesFollowTheIdCursorOldestFirstUntilNothingIsLeft() throws Exception {
        JsonNode first = get("/events?since=0&limit=2");
        JsonNode second = get("/events?since=" + first.get("next_since").asLong() + "&limit=2");
        JsonNode third = get("/events?since=" + second.get("next_since").asLong() + "&limit=2");

        assertThat(idsOf(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(idsOf(second)).containsExactly(ids.get(2), ids.get(3));
        assertThat(idsOf(third)).containsExactly(ids.get(4));
        assertThat(third.get("has_more").asBoolean()).isFalse();
        JsonNode empty = get("/events?since=" + third.get("next_since").asLong());
        assertThat(empty.get("events")).isEmpty();
        assertThat(empty.get("next_since").asLong()).isEqualTo(ids.get(4));
        JsonNode event = first.get("events").get(0);
        assertThat(event.get("message").asText()).isEqualTo("Playbook created: Runbook 1");
        assertThat(event.get("created_at").asText()).isNotBlank();
        assertThat(event.get("details").get("playbook_name").asText()).isEqualTo("Runbook 1");
    }

    @Test
    void withoutCursorTheLatestEventsComeAndATimeCursorStartsAtThatTime() throws Exception {
        assertThat(idsOf(get("/events?limit=2"))).containsExactly(ids.get(3), ids.get(4));
        String time = URLEncoder.encode(afterThird.toString(), StandardCharsets.UTF_8);
        assertThat(idsOf(get("/events?since=" + time))).containsExactly(ids.get(3), ids.get(4));
    }

    @Test
    void aBadCursorOrLimitIsRefusedSayingWhatIsWrong() throws Exception {
        HttpResponse<String> badSince = send("/events?since=yesterday", Map.of());
        HttpResponse<String> badLimit = send("/events?limit=5000", Map.of());
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(service.uri("/api/v1/confluence/events/stream")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badSince.body()).get("error").asText()).contains("since", "'yesterday'");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badLimit.body()).get("error").asText()).contains("limit", "1000", "5000");
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it logs one more event
    void theStreamResumesAfterLastEventIdThenSendsNewEventsAsTheyAreLogged() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/confluence/events/stream"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Last-Event-ID", String.valueOf(ids.get(2)))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readEvents(response.body(), events), "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String[] fourth = events.poll(60, TimeUnit.SECONDS);
            String[] fifth = events.poll(60, TimeUnit.SECONDS);
            long live = producer.requestBody("direct:broadcast", SampleEvents.createdOffline("Runbook live"), EventEntry.class).id();
            String[] sixth = events.poll(60, TimeUnit.SECONDS);

            assertThat(fourth).isNotNull();
            assertThat(fourth[0]).isEqualTo(String.valueOf(ids.get(3)));
            assertThat(fifth[0]).isEqualTo(String.valueOf(ids.get(4)));
            assertThat(sixth).as("the event logged while the stream is open").isNotNull();
            assertThat(sixth[0]).isEqualTo(String.valueOf(live));
            JsonNode data = JSON.readTree(sixth[1]);
            assertThat(data.get("id").asLong()).isEqualTo(live);
            assertThat(data.get("message").asText()).isEqualTo("Playbook created: Runbook live");
            assertThat(data).as("the same JSON as GET /events").isEqualTo(get("/events?since=" + (live - 1)).get("events").get(0));
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    /** Reads {@code id:} and {@code data:} lines into (id, data) pairs, one per event. */
    private static void readEvents(InputStream body, BlockingQueue<String[]> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.isEmpty() && id != null) {
                    events.add(new String[] {id, data.toString()});
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }

    private long record(String name) {
        return producer.requestBody("direct:broadcast", SampleEvents.created(name), EventEntry.class).id();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri("/api/v1/confluence" + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> idsOf(JsonNode page) {
        List<Long> found = new ArrayList<>();
        page.get("events").forEach(event -> found.add(event.get("id").asLong()));
        return found;
    }
}
