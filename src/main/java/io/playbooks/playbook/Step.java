package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of a playbook.
 *
 * @param action shell | http_request | noop
 * @param args   shell: {command}; http_request: {url, method, headers?, body?}; noop: {message}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "name", "action", "args", "description", "notes", "warnings", "snippets", "images", "substeps"})
public record Step(String id, String name, String action, Map<String, Object> args, String description,
                   List<String> notes, List<String> warnings, List<Snippet> snippets, List<Image> images,
                   List<Step> substeps) {

    public static final String SHELL = "shell";
    public static final String HTTP_REQUEST = "http_request";
    public static final String NOOP = "noop";

    public Step {
        notes = notes == null ? List.of() : List.copyOf(notes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
        images = images == null ? List.of() : List.copyOf(images);
        substeps = substeps == null ? List.of() : List.copyOf(substeps);
    }

    /** This step with more code samples after its own (code the section shows below its steps). */
    public Step withSnippets(List<Snippet> moreSnippets) {
        List<Snippet> allSnippets = new ArrayList<>(snippets);
        allSnippets.addAll(moreSnippets);
        return new Step(id, name, action, args, description, notes, warnings, allSnippets, images, substeps);
    }

    /** This step with more notes and warnings after its own (what the section says around it). */
    public Step withMore(List<String> moreNotes, List<String> moreWarnings) {
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(moreNotes);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(moreWarnings);
        return new Step(id, name, action, args, description, allNotes, allWarnings, snippets, images, substeps);
    }
}
