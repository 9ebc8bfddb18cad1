package io.playbooks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.storage.PlaybookDetail;
import io.playbooks.storage.PlaybookSummary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored playbook as a searchable memory: its summary, its texts by field (title, labels, description, step
 * text, commands and URLs, space, category, source URL) and the text its embedding is computed from.
 */
record SearchDocument(PlaybookSummary summary, List<Text> texts, String embeddingText) {

    /**
     * Longest text embedded: the model reads at most 256 word pieces anyway, and a longer text costs more CPU for
     * little gain; title, labels, description and step names come first.
     */
    static final int EMBEDDING_CHARS = 1000;

    record Text(SearchField field, String text) {
    }

    long playbookId() {
        return summary.playbookId();
    }

    /** The first text of a field, or null. */
    String first(SearchField field) {
        return texts.stream().filter(text -> text.field() == field).map(Text::text).findFirst().orElse(null);
    }

    /** A playbook known by its summary alone: found by its title, explained by it. */
    static SearchDocument titleOnly(PlaybookSummary summary) {
        List<Text> texts = new ArrayList<>();
        add(texts, SearchField.TITLE, summary.name());
        return new SearchDocument(summary, List.copyOf(texts), summary.name());
    }

    static SearchDocument of(PlaybookDetail playbook, ObjectMapper json) {
        return of(playbook.summary(), playbook.playbookJson(), json);
    }

    static SearchDocument of(PlaybookSummary summary, String playbookJson, ObjectMapper json) {
        List<Text> texts = new ArrayList<>();
        add(texts, SearchField.TITLE, summary.name());
        JsonNode tree = parse(playbookJson, json);
        List<String> labels = new ArrayList<>();
        tree.path("metadata").path("labels").forEach(label -> labels.add(label.asText()));
        add(texts, SearchField.LABELS, String.join(" ", labels));
        add(texts, SearchField.DESCRIPTION, tree.path("description").asText(null));
        // what the page says before its first step: about the whole procedure, as its description is
        tree.path("notes").forEach(note -> add(texts, SearchField.DESCRIPTION, note.asText(null)));
        tree.path("warnings").forEach(warning -> add(texts, SearchField.DESCRIPTION, warning.asText(null)));
        List<String> stepNames = new ArrayList<>();
        addSteps(texts, tree.path("steps"), stepNames);
        addSteps(texts, tree.path("rollback"), stepNames);
        add(texts, SearchField.SPACE, summary.confluenceSpace());
        add(texts, SearchField.CATEGORY, summary.category());
        add(texts, SearchField.SOURCE_URL, summary.confluenceUrl());
        return new SearchDocument(summary, List.copyOf(texts),
                embeddingText(summary.name(), labels, tree.path("description").asText(""), stepNames));
    }

    private static String embeddingText(String title, List<String> labels, String description, List<String> stepNames) {
        StringBuilder text = new StringBuilder(title);
        if (!labels.isEmpty()) {
            text.append(" (").append(String.join(", ", labels)).append(')');
        }
        text.append(". ").append(description.strip());
        for (String step : stepNames) {
            if (text.length() >= EMBEDDING_CHARS) {
                break;
            }
            text.append(text.charAt(text.length() - 1) == '.' ? " " : ". ").append(step.strip());
        }
        return text.length() > EMBEDDING_CHARS ? text.substring(0, EMBEDDING_CHARS) : text.toString();
    }

    private static void addSteps(List<Text> texts, JsonNode steps, List<String> stepNames) {
        for (JsonNode step : steps) {
            String name = step.path("name").asText(null);
            add(texts, SearchField.STEP, name);
            if (name != null && !name.isBlank()) {
                stepNames.add(name);
            }
            add(texts, SearchField.STEP, step.path("description").asText(null));
            step.path("notes").forEach(note -> add(texts, SearchField.STEP, note.asText(null)));
            step.path("warnings").forEach(warning -> add(texts, SearchField.STEP, warning.asText(null)));
            JsonNode args = step.path("args");
            add(texts, SearchField.COMMAND, args.path("command").asText(null));
            add(texts, SearchField.COMMAND, args.path("url").asText(null));
            add(texts, SearchField.STEP, args.path("message").asText(null));
            step.path("snippets").forEach(snippet -> add(texts, SearchField.COMMAND, snippet.path("code").asText(null)));
            addSteps(texts, step.path("substeps"), stepNames);
        }
    }

    private static void add(List<Text> texts, SearchField field, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(new Text(field, text));
        }
    }

    private static JsonNode parse(String playbookJson, ObjectMapper json) {
        if (playbookJson == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(playbookJson);
        } catch (IOException e) {
            // a stored playbook is always valid JSON; if one is not, it is still found by its title
            return json.createObjectNode();
        }
    }
}
