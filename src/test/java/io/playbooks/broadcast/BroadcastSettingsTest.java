package io.playbooks.broadcast;

import io.playbooks.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings of the broadcast: endpoint lists, the retry policy, event cursors and the roles of config.json. */
class BroadcastSettingsTest {

    @Test
    void endpointsAreSeparatedByWhiteSpaceSoThatCommasInsideAUriStay() {
        List<BroadcastEndpoint> endpoints = BroadcastEndpoint.parse("""
                https://hooks.example.com/services/T000/B000/secret
                kafka:playbook-events?brokers=a:9092,b:9092   log:io.playbooks.broadcast
                log:io.playbooks.broadcast""");

        assertThat(endpoints).extracting(BroadcastEndpoint::uri).containsExactly(
                "https://hooks.example.com/services/T000/B000/secret", "kafka:playbook-events?brokers=a:9092,b:9092",
                "log:io.playbooks.broadcast");
        assertThat(endpoints.get(0).display()).isEqualTo("https://hooks.example.com/…").doesNotContain("secret");
        assertThat(endpoints).extracting(BroadcastEndpoint::key).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).hasSize(16));
        assertThat(BroadcastEndpoint.parse("  ")).isEmpty();
    }

    @Test
    void secretOptionsAreMaskedAndSomethingThatIsNoUriIsRefusedByName() {
        assertThat(BroadcastEndpoint.parse("slack:#ops?webhookUrl=x&token=abc123").get(0).display()).doesNotContain("abc123");
        assertThatThrownBy(() -> BroadcastEndpoint.parse("log:ok hooks.example.com/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("playbooks.broadcast.endpoints").hasMessageContaining("hooks.example.com/x");
    }

    @Test
    void theBackOffDoublesWithJitterUpToTheCapAndGivesUpOnlyWhenToldTo() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, new SplittableRandom(7));

        for (int attempt = 1; attempt <= 40; attempt++) {
            long full = Math.min(30_000, 1000L << Math.min(attempt - 1, 30));
            assertThat(retry.delayAfter(attempt).toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
        }
        assertThat(retry.givesUpAfter(1_000_000)).isFalse();
        RetryPolicy limited = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, new SplittableRandom(7));
        assertThat(limited.givesUpAfter(2)).isFalse();
        assertThat(limited.givesUpAfter(3)).isTrue();
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1), 0, new SplittableRandom()))
                .hasMessageContaining("playbooks.broadcast.retry.max-ms");
    }

    @Test
    void aCursorIsAnEventIdOrATimeAndAnythingElseIsABadRequest() {
        assertThat(EventCursor.parse("42").afterId()).isEqualTo(42L);
        assertThat(EventCursor.parse("2026-11-27T15:00:00+01:00").since()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(EventCursor.parse(null)).isEqualTo(EventCursor.LATEST);
        assertThatThrownBy(() -> EventCursor.parse("-3")).isInstanceOf(ApiException.class).hasMessageContaining("'-3'");
        assertThatThrownBy(() -> EventLog.limit("0")).isInstanceOf(ApiException.class).hasMessageContaining("limit");
    }

    @Test
    void rolesComeFromTheCategoryElseFromTheDefaults(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"connectors": {"confluence": {"broadcast": {
                  "category_roles": {"infrastructure": ["sre", "network"]}, "default_roles": ["ops"]}}}}""");

        TargetRoles roles = TargetRoles.load(config);

        assertThat(roles.forCategory("infrastructure")).containsExactly("sre", "network");
        assertThat(roles.forCategory("documentation")).containsExactly("ops");
        assertThat(TargetRoles.load(dir.resolve("absent.json")).forCategory("x")).containsExactly("operations");
    }

    @Test
    void aRolesMappingOfTheWrongShapeNamesTheKey(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"connectors": {"confluence": {"broadcast": {"category_roles": {"infrastructure": "sre"}}}}}""");

        assertThatThrownBy(() -> TargetRoles.load(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectors.confluence.broadcast.category_roles.infrastructure")
                .hasMessageContaining("a list of role names");
    }
}
