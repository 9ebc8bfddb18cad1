package io.playbooks.search;

/** Where in a playbook a text sits, and how much a match there counts. */
public enum SearchField {
    TITLE("title", 5),
    DESCRIPTION("description", 3),
    COMMAND("a step command", 2),
    STEP("step text", 1);

    private final String label;
    private final double weight;

    SearchField(String label, double weight) {
        this.label = label;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    public double weight() {
        return weight;
    }
}
