package io.playbooks.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.playbooks.conversion.Conversion;
import io.playbooks.playbook.Playbook;

import java.util.ArrayList;
import java.util.List;

/** The JSON form of one conversion: {@code {"is_playbook", "score", "reasons", "playbook"}}. */
@JsonPropertyOrder({"is_playbook", "score", "reasons", "playbook"})
record ConversionReport(@JsonProperty("is_playbook") boolean isPlaybook, double score, List<String> reasons,
                        Playbook playbook) {

    static ConversionReport of(Conversion conversion) {
        List<String> reasons = new ArrayList<>(conversion.detection().reasons());
        conversion.problems().stream().filter(problem -> !reasons.contains(problem)).forEach(reasons::add);
        return new ConversionReport(conversion.hasPlaybook(), conversion.detection().score(), reasons,
                conversion.playbook());
    }

    static ConversionReport unreadable(String reason) {
        return new ConversionReport(false, 0, List.of(reason), null);
    }
}
