package io.playbooks.playbook;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The playbook document as deterministic YAML: keys in the order of the records' {@code @JsonPropertyOrder},
 * empty values left out as their {@code @JsonInclude(NON_EMPTY)} says, quoting left to the YAML library,
 * multi-line strings (commands, snippets) in literal block style. Written straight from the records as YAML events
 * ({@link YamlEvents}): the same document the Jackson YAML mapper writes from the annotations, at a fraction of
 * its cost (a test compares the two).
 */
public final class PlaybookYaml {

    private PlaybookYaml() {
    }

    public static String write(Playbook playbook) {
        YamlEvents yaml = new YamlEvents().startMapping();
        yaml.key("version").plain(playbook.version());
        optional(yaml, "name", playbook.name());
        optional(yaml, "category", playbook.category());
        optional(yaml, "description", playbook.description());
        list(yaml, "parameters", playbook.parameters(), PlaybookYaml::parameter);
        list(yaml, "prerequisites", playbook.prerequisites(), PlaybookYaml::prerequisite);
        list(yaml, "steps", playbook.steps(), PlaybookYaml::step);
        list(yaml, "rollback", playbook.rollback(), PlaybookYaml::step);
        list(yaml, "notes", playbook.notes(), YamlEvents::string);
        list(yaml, "warnings", playbook.warnings(), YamlEvents::string);
        if (playbook.metadata() != null) {
            metadata(yaml.key("metadata"), playbook.metadata());
        }
        return yaml.endMapping().finish();
    }

    private static void parameter(YamlEvents yaml, Parameter parameter) {
        yaml.startMapping();
        optional(yaml, "name", parameter.name());
        optional(yaml, "description", parameter.description());
        yaml.key("required").plain(parameter.required()).endMapping();
    }

    /** Prerequisite and Snippet have no NON_EMPTY rule: Jackson writes their nulls. */
    private static void prerequisite(YamlEvents yaml, Prerequisite prerequisite) {
        yaml.startMapping();
        always(yaml, "type", prerequisite.type());
        always(yaml, "description", prerequisite.description());
        yaml.endMapping();
    }

    private static void step(YamlEvents yaml, Step step) {
        yaml.startMapping();
        optional(yaml, "id", step.id());
        optional(yaml, "name", step.name());
        optional(yaml, "action", step.action());
        if (step.args() != null && !step.args().isEmpty()) {
            value(yaml.key("args"), step.args());
        }
        optional(yaml, "description", step.description());
        list(yaml, "notes", step.notes(), YamlEvents::string);
        list(yaml, "warnings", step.warnings(), YamlEvents::string);
        list(yaml, "snippets", step.snippets(), PlaybookYaml::snippet);
        list(yaml, "images", step.images(), PlaybookYaml::image);
        list(yaml, "substeps", step.substeps(), PlaybookYaml::step);
        yaml.endMapping();
    }

    private static void snippet(YamlEvents yaml, Snippet snippet) {
        yaml.startMapping();
        always(yaml, "language", snippet.language());
        always(yaml, "code", snippet.code());
        yaml.endMapping();
    }

    private static void image(YamlEvents yaml, Image image) {
        yaml.startMapping();
        optional(yaml, "filename", image.filename());
        optional(yaml, "url", image.url());
        optional(yaml, "alt", image.alt());
        yaml.endMapping();
    }

    private static void metadata(YamlEvents yaml, PlaybookMetadata metadata) {
        yaml.startMapping();
        optional(yaml, "source", metadata.source());
        optional(yaml, "confluence_page_id", metadata.confluencePageId());
        optional(yaml, "confluence_space", metadata.confluenceSpace());
        optional(yaml, "confluence_url", metadata.confluenceUrl());
        yaml.key("confluence_version").plain(metadata.confluenceVersion());
        list(yaml, "labels", metadata.labels(), YamlEvents::string);
        optional(yaml, "content_hash", metadata.contentHash());
        yaml.key("detection_score").plain(metadata.detectionScore());
        list(yaml, "detection_reasons", metadata.detectionReasons(), YamlEvents::string);
        yaml.endMapping();
    }

    /** A value of a step's args: text, a map (headers), a list, or a number, boolean or null. */
    private static void value(YamlEvents yaml, Object value) {
        if (value instanceof String text) {
            yaml.string(text);
        } else if (value instanceof Map<?, ?> map) {
            yaml.startMapping();
            map.forEach((key, entry) -> value(yaml.key(String.valueOf(key)), entry));
            yaml.endMapping();
        } else if (value instanceof Collection<?> items) {
            yaml.startSequence();
            items.forEach(item -> value(yaml, item));
            yaml.endSequence();
        } else if (value == null || value instanceof Number || value instanceof Boolean) {
            yaml.plain(value);
        } else {
            throw new IllegalArgumentException("a step argument cannot be written as YAML: " + value.getClass().getName());
        }
    }

    private static void optional(YamlEvents yaml, String key, String value) {
        if (value != null && !value.isEmpty()) {
            yaml.key(key).string(value);
        }
    }

    private static void always(YamlEvents yaml, String key, String value) {
        yaml.key(key).string(value);
    }

    private static <T> void list(YamlEvents yaml, String key, List<T> items, BiConsumer<YamlEvents, T> item) {
        if (items == null || items.isEmpty()) {
            return;
        }
        yaml.key(key).startSequence();
        for (T each : items) {
            item.accept(yaml, each);
        }
        yaml.endSequence();
    }
}
