package io.playbooks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.storage.PlaybookDetail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The searchable texts of one stored playbook: title, description, every step's words and every command or URL. */
record SearchDocument(PlaybookDetail playbook, List<Text> texts) {

    record Text(SearchField field, String text) {
    }

    static SearchDocument of(PlaybookDetail playbook, ObjectMapper json) {
        List<Text> texts = new ArrayList<>();
        add(texts, SearchField.TITLE, playbook.summary().name());
        JsonNode tree = parse(playbook.playbookJson(), json);
        add(texts, SearchField.DESCRIPTION, tree.path("description").asText(null));
        addSteps(texts, tree.path("steps"));
        addSteps(texts, tree.path("rollback"));
        return new SearchDocument(playbook, List.copyOf(texts));
    }

    private static void addSteps(List<Text> texts, JsonNode steps) {
        for (JsonNode step : steps) {
            add(texts, SearchField.STEP, step.path("name").asText(null));
            add(texts, SearchField.STEP, step.path("description").asText(null));
            step.path("notes").forEach(note -> add(texts, SearchField.STEP, note.asText(null)));
            step.path("warnings").forEach(warning -> add(texts, SearchField.STEP, warning.asText(null)));
            JsonNode args = step.path("args");
            add(texts, SearchField.COMMAND, args.path("command").asText(null));
            add(texts, SearchField.COMMAND, args.path("url").asText(null));
            add(texts, SearchField.STEP, args.path("message").asText(null));
            addSteps(texts, step.path("substeps"));
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
