package io.playbooks.conversion;

import java.util.List;

/** Whether a page is a playbook, with a score in [0, 1] and the human-readable reasons behind it. */
public record Detection(boolean isPlaybook, double score, List<String> reasons) {

    public Detection {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
