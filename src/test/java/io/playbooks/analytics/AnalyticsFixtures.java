package io.playbooks.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.Detection;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.PlaybookMetadata;
import io.playbooks.playbook.Step;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Made-up playbooks with a known step mix, and usage rows, for the analytics tests. */
final class AnalyticsFixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AnalyticsFixtures() {
    }

    static Step shell(String command) {
        return new Step("s", "Run", Step.SHELL, Map.of("command", command), null, null, null, null, null, null);
    }

    static Step http(String url) {
        return new Step("h", "Call", Step.HTTP_REQUEST, Map.of("url", url, "method", "GET"), null, null, null, null, null, null);
    }

    static Step noop(String message) {
        return new Step("n", "Do", Step.NOOP, Map.of("message", message), null, null, null, null, null, null);
    }

    static Conversion playbook(String space, String pageId, String title, int version, Step... steps) {
        SourcePage page = new SourcePage(pageId, space, title, List.of("runbook"), version, "<p>" + title + "</p>",
                "https://wiki.example.com/" + space + "/" + pageId, Instant.parse("2026-11-01T00:00:00Z"), List.of());
        Playbook playbook = new Playbook(1, title, "infrastructure", "test", null, null, List.of(steps), null,
                new PlaybookMetadata("confluence", pageId, space, page.webUrl(), version, page.labels(), null, 0.9,
                        List.of("ordered procedure")));
        try {
            return new Conversion(page, new Detection(true, 0.9, List.of("ordered procedure")), playbook,
                    YAML.writeValueAsString(playbook), List.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records {@code times} uses of a playbook of one kind at one time, as the usage recorder would. */
    static void use(DataSource dataSource, long playbookId, String kind, String at, int times) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO playbook_usage (playbook_id, kind, channel, used_at) VALUES (?, ?, 'api', ?)")) {
            for (int i = 0; i < times; i++) {
                insert.setLong(1, playbookId);
                insert.setString(2, kind);
                insert.setObject(3, Instant.parse(at).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
    }
}
