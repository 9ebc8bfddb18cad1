package io.playbooks.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.Detection;
import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Playbook;
import io.playbooks.playbook.PlaybookMetadata;
import io.playbooks.playbook.Step;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions of made-up pages, built the way the converter builds them, for the store tests. */
final class StoreFixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StoreFixtures() {
    }

    static SourcePage page(String space, String id, String title, int version, String body, Attachment... attachments) {
        return new SourcePage(id, space, title, List.of("runbook"), version, body,
                "https://wiki.example.com/spaces/" + space + "/pages/" + id, Instant.parse("2026-01-05T10:00:00Z"),
                List.of(attachments));
    }

    /** A playbook with one shell step per line of the body. */
    static Conversion conversion(SourcePage page) {
        List<Step> steps = new ArrayList<>();
        String[] commands = page.storageBody().split("\n");
        for (int i = 0; i < commands.length; i++) {
            steps.add(new Step("step_" + (i + 1), "Run " + commands[i], Step.SHELL, Map.of("command", commands[i]),
                    null, null, null, null, null, null));
        }
        Playbook playbook = new Playbook(1, page.title(), "infrastructure", "Test playbook", null, null, steps, null,
                new PlaybookMetadata("confluence", page.id(), page.spaceKey(), page.webUrl(), page.version(),
                        page.labels(), null, 0.9, List.of("ordered procedure")));
        try {
            return new Conversion(page, new Detection(true, 0.9, List.of("ordered procedure")), playbook,
                    YAML.writeValueAsString(playbook), List.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Conversion conversion(String space, String id, String title, int version, String body,
                                 Attachment... attachments) {
        return conversion(page(space, id, title, version, body, attachments));
    }

    static Conversion notAPlaybook(String space, String id, String title) {
        return new Conversion(page(space, id, title, 1, "<p>minutes</p>"),
                new Detection(false, 0.1, List.of("meeting notes")), null, null, List.of());
    }
}
