package io.playbooks.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.playbooks.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events and their pending deliveries are in the database: a service stopped before delivering sends them after its restart. */
class BroadcastRestartTest {

    @TempDir
    Path workDir;

    @Test
    void pendingDeliveriesAreSentAfterARestart() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().down(true)) {
            Map<String, String> settings = Map.of(
                    "playbooks.db.url", "jdbc:h2:file:" + workDir.resolve("db/playbooks") + ";AUTO_SERVER=FALSE;WRITE_DELAY=500",
                    "playbooks.broadcast.endpoints", receiver.uri(),
                    "playbooks.broadcast.poll-ms", "100",
                    "playbooks.broadcast.retry.initial-ms", "200",
                    "playbooks.broadcast.retry.max-ms", "1000");
            long first;
            long second;
            try (RunningService service = RunningService.start("broadcast-restart", workDir, settings)) {
                var producer = service.camel().createProducerTemplate();
                first = producer.requestBody("direct:broadcast", SampleEvents.created("Switch over the orders database"), EventEntry.class).id();
                second = producer.requestBody("direct:broadcast", SampleEvents.created("Scale out the rate engine"), EventEntry.class).id();
                Await.until("both deliveries were tried", () -> receiver.attempts().stream().map(WebhookReceiver.Received::eventId)
                        .distinct().count() == 2);
                assertThat(pending(service)).isEqualTo(2);
            }
            assertThat(receiver.accepted()).isEmpty();

            receiver.down(false);
            try (RunningService restarted = RunningService.start("broadcast-restart", workDir, settings)) {
                Await.until("both events delivered after the restart", () -> receiver.accepted().size() >= 2);

                // retried deliveries go when their back-off ends, which the jitter sets: in either order
                assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::eventId)
                        .containsExactlyInAnyOrder(String.valueOf(first), String.valueOf(second));
                Await.until("the outbox shows them delivered", () -> pending(restarted) == 0);
                JsonNode log = restarted.get("/api/v1/confluence/events?since=0").json();
                assertThat(log.get("events")).extracting(event -> event.get("id").asLong()).containsExactly(first, second);
            }
        }
    }

    private static long pending(RunningService service) {
        return service.get("/api/v1/confluence/events/deliveries").json().get("endpoints").get(0).get("pending").asLong();
    }
}
