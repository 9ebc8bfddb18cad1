package io.playbooks.search;

import java.util.Locale;

/** Where in a playbook a text sits, and how much a match there counts (the boost of its Lucene field). */
public enum SearchField {
    TITLE("title", 5),
    LABELS("labels", 3),
    DESCRIPTION("description", 3),
    COMMAND("a step command", 2),
    STEP("step text", 1),
    SPACE("space", 1),
    CATEGORY("category", 1),
    SOURCE_URL("source URL", 0.5f);

    private final String label;
    private final float weight;

    SearchField(String label, float weight) {
        this.label = label;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    public float weight() {
        return weight;
    }

    /** The name of its Lucene field. */
    String luceneName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
