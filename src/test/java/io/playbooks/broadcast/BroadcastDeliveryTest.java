package io.playbooks.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At-least-once delivery to real webhooks on the real service: retries with back-off until a failing receiver
 * takes the event, a receiver that hangs or always fails never holds up the others, and what cannot be delivered
 * is given up after the configured attempts and shown as dead, until it is queued again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastDeliveryTest {

    private WebhookReceiver flaky;
    private WebhookReceiver healthy;
    private WebhookReceiver hanging;
    private WebhookReceiver broken;
    private WebhookReceiver recovering;
    private RunningService service;
    private ProducerTemplate producer;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        flaky = WebhookReceiver.start();
        healthy = WebhookReceiver.start();
        hanging = WebhookReceiver.start().holdRequests();
        broken = WebhookReceiver.start().down(true);
        recovering = WebhookReceiver.start().down(true);
        service = RunningService.start("broadcast-delivery", workDir, Map.of(
                "playbooks.broadcast.endpoints", String.join(" ", flaky.uri(), healthy.uri(), hanging.uri(), broken.uri(),
                        recovering.uri()),
                "playbooks.broadcast.poll-ms", "100",
                "playbooks.broadcast.retry.initial-ms", "100",
                "playbooks.broadcast.retry.max-ms", "400",
                "playbooks.broadcast.retry.max-attempts", "4"));
        producer = service.camel().createProducerTemplate();
    }

    @AfterAll
    void stop() throws Exception {
        hanging.release();
        service.close();
        for (WebhookReceiver receiver : new WebhookReceiver[] {flaky, healthy, hanging, broken, recovering}) {
            receiver.close();
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventAtTheThirdAttemptAndTheOthersAreNotHeldUp() throws Exception {
        flaky.failFirst(2);
        int healthyBefore = healthy.accepted().size();
        int flakyBefore = flaky.accepted().size();
        EventEntry logged = producer.requestBody("direct:broadcast", SampleEvents.created("Restart the shipment API"), EventEntry.class);

        Await.until("the flaky receiver took the event", () -> flaky.accepted().size() > flakyBefore);
        Await.until("the healthy receiver took the event", () -> healthy.accepted().size() > healthyBefore);

        assertThat(flaky.attempts()).filteredOn(r -> r.eventId().equals(String.valueOf(logged.id()))).hasSize(3);
        WebhookReceiver.Received received = flaky.accepted().get(flaky.accepted().size() - 1);
        assertThat(received.contentType()).startsWith("application/json");
        JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.body());
        assertThat(event.get("message").asText()).isEqualTo("Playbook created: Restart the shipment API");
        assertThat(event.get("target_roles").get(0).asText()).isEqualTo("operations");
        assertThat(event.get("details").get("step_count").asInt()).isEqualTo(4);
        assertThat(healthy.accepted()).extracting(WebhookReceiver.Received::eventId).contains(String.valueOf(logged.id()));
        assertThat(hanging.accepted()).as("the hanging receiver has answered nothing yet").isEmpty();
    }

    @Test
    void whileOneReceiverHangsAndAnotherIsDownTheHealthyOneGetsEveryEvent() throws Exception {
        int before = healthy.accepted().size();
        for (int i = 1; i <= 5; i++) {
            producer.sendBody("direct:broadcast", SampleEvents.created("Rotate certificate " + i));
        }

        Await.until("the healthy receiver took five more events", () -> healthy.accepted().size() >= before + 5);

        assertThat(hanging.accepted()).isEmpty();
        assertThat(hanging.attempts()).as("the hanging receiver holds its first request only").hasSize(1);
        JsonNode hangingRow = endpoint(hanging.uri());
        assertThat(hangingRow.get("pending").asLong()).isPositive();
        assertThat(hangingRow.get("delivered").asLong()).isZero();
    }

    @Test
    void aReceiverThatIsAlwaysDownIsGivenUpAfterTheConfiguredAttemptsAndShownDead() throws Exception {
        EventEntry logged = producer.requestBody("direct:broadcast", SampleEvents.created("Purge the CDN cache"), EventEntry.class);

        Await.until("every delivery to the broken receiver is given up", () -> endpoint(broken.uri()).get("pending").asLong() == 0);

        assertThat(broken.attempts()).filteredOn(r -> r.eventId().equals(String.valueOf(logged.id()))).hasSize(4);
        JsonNode row = endpoint(broken.uri());
        assertThat(row.get("endpoint").asText()).isEqualTo(broken.uri().replace("/hook", "/…"));
        assertThat(row.get("last_error").asText()).startsWith("HTTP 503").contains("receiver failing on purpose");
        JsonNode report = service.get("/api/v1/confluence/events/deliveries").json();
        assertThat(report.get("dead").asLong()).isPositive();
        assertThat(report.get("failed_attempts_since_start").asLong()).isGreaterThanOrEqualTo(4);
        String metrics = service.get("/observe/metrics").body();
        assertThat(metrics).contains("playbooks_broadcast_deliveries_pending", "playbooks_broadcast_deliveries_dead",
                "playbooks_broadcast_delivery_failures_total");
    }

    @Test
    void givenUpDeliveriesQueuedAgainReachTheReceiverOnceItIsBack() throws Exception {
        EventEntry logged = producer.requestBody("direct:broadcast", SampleEvents.created("Drain the worker pool"), EventEntry.class);
        String eventId = String.valueOf(logged.id());
        // both receivers that are down give up; the broken one's retries could otherwise still be pending below
        Await.until("the deliveries to the receivers that are down are given up",
                () -> endpoint(recovering.uri()).get("pending").asLong() == 0 && endpoint(broken.uri()).get("pending").asLong() == 0);
        recovering.down(false);

        String key = BroadcastEndpoint.keyOf(recovering.uri());
        JsonNode answer = service.post("/api/v1/confluence/events/deliveries/retry?endpoint=" + key, "").json();

        assertThat(answer.get("requeued").asInt()).isPositive();
        assertThat(answer.get("endpoints")).extracting(JsonNode::asText).containsExactly(key);
        Await.until("the receiver took the event", () -> recovering.accepted().stream().anyMatch(r -> r.eventId().equals(eventId)));
        Await.until("nothing of the receiver is given up any more", () -> endpoint(recovering.uri()).get("dead").asLong() == 0);
        assertThat(endpoint(broken.uri()).get("pending").asLong()).as("another endpoint's dead deliveries stay dead").isZero();
        RunningService.Reply unknown = service.post("/api/v1/confluence/events/deliveries/retry?endpoint=no-such-key", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no-such-key");
    }

    private JsonNode endpoint(String uri) {
        JsonNode report = service.get("/api/v1/confluence/events/deliveries").json();
        String key = BroadcastEndpoint.keyOf(uri);
        return StreamSupport.stream(report.get("endpoints").spliterator(), false)
                .filter(row -> row.get("key").asText().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no endpoint " + uri + " in " + report));
    }
}
