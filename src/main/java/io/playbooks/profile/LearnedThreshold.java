package io.playbooks.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.storage.StoreException;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The threshold that use suggests. Evidence: the current playbooks whose detection score is below the threshold in
 * force, which only a user importing the page by hand with {@code force_update} can store ("detection said no, I
 * say yes"), with how often agents reported each as executed. Once at least {@code min_evidence} such pages count,
 * the suggestion is the lowest of their scores, never below {@code floor} (pages below the floor are listed but do
 * not count: one odd page must not open the gate to everything). The threshold is only ever lowered, to admit pages
 * like the ones users asked for; it is applied only when the profile says {@code learning.mode: apply}.
 */
public class LearnedThreshold {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENT_PLAYBOOKS = """
            SELECT p.id, p.slug, p.space_key, p.page_id, v.playbook_json,
                   (SELECT COUNT(*) FROM playbook_usage u WHERE u.playbook_id = p.id AND u.kind = 'executed') AS executions
            FROM playbooks p JOIN playbook_versions v ON v.playbook_id = p.id
            WHERE p.outdated = FALSE AND v.kind = 'content'
              AND v.version_no = (SELECT MAX(w.version_no) FROM playbook_versions w WHERE w.playbook_id = p.id)
            """;

    private final DataSource dataSource;
    private final Clock clock;

    public LearnedThreshold(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What the evidence suggests for a profile with this threshold and these learning settings. */
    public Learned learn(double threshold, ProfileDocument.Learning learning) {
        List<Evidence> admitted = admittedBelow(threshold);
        List<Evidence> counted = admitted.stream()
                .filter(e -> e.score() >= learning.floor())
                .filter(e -> !learning.requireExecution() || e.executions() > 0)
                .toList();
        Double suggested = counted.size() < learning.minEvidence() ? null
                : counted.stream().mapToDouble(Evidence::score).min().orElseThrow();
        boolean applied = suggested != null && learning.applied();
        String explanation = explain(threshold, learning, admitted.size(), counted.size(), suggested);
        return new Learned(suggested, applied, applied ? suggested : threshold, counted.size(), explanation, admitted,
                clock.instant());
    }

    private static String explain(double threshold, ProfileDocument.Learning learning, int admitted, int counted,
                                  Double suggested) {
        String base = String.format(Locale.ROOT, "%d current playbook(s) scored below the threshold %.2f and were "
                + "imported by hand with force_update; %d count (score at least the floor %.2f%s)", admitted, threshold,
                counted, learning.floor(), learning.requireExecution() ? " and executed at least once" : "");
        if (suggested == null) {
            return base + String.format(Locale.ROOT, "; %d are needed before a threshold is suggested",
                    learning.minEvidence());
        }
        return base + String.format(Locale.ROOT, "; a threshold of %.2f would have admitted them all%s", suggested,
                learning.applied() ? " and is applied (learning.mode apply)"
                        : "; set learning.mode to apply to use it");
    }

    private List<Evidence> admittedBelow(double threshold) {
        List<Evidence> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(CURRENT_PLAYBOOKS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                double score = detectionScore(rows.getString("playbook_json"));
                if (score < threshold) {
                    out.add(new Evidence(rows.getLong("id"), rows.getString("slug"), rows.getString("space_key"),
                            rows.getString("page_id"), score, rows.getLong("executions")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the evidence of the learned threshold: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingDouble(Evidence::score).thenComparing(Evidence::slug));
        return out;
    }

    /** The score detection gave the page; a stored version without one (none should exist) counts as a full score. */
    private static double detectionScore(String playbookJson) {
        try {
            JsonNode score = JSON.readTree(playbookJson).path("metadata").path("detection_score");
            return score.isNumber() ? score.doubleValue() : 1.0;
        } catch (IOException e) {
            return 1.0;
        }
    }

    /**
     * What was learned.
     *
     * @param suggestedThreshold the threshold that would have admitted every counted page; null without enough evidence
     * @param applied            whether detection uses it now
     * @param thresholdInForce   the threshold detection uses now
     * @param counted            pages that count as evidence
     * @param explanation        the rule and its outcome in words
     * @param evidence           every admitted page, lowest score first
     * @param computedAt         when this was computed
     */
    @JsonPropertyOrder({"suggested_threshold", "applied", "threshold_in_force", "counted", "explanation", "evidence",
            "computed_at"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Learned(@JsonProperty("suggested_threshold") Double suggestedThreshold, boolean applied,
                          @JsonProperty("threshold_in_force") double thresholdInForce, int counted, String explanation,
                          List<Evidence> evidence, @JsonProperty("computed_at") Instant computedAt) {
    }

    /** One current playbook below the threshold: admitted by hand. */
    public record Evidence(@JsonProperty("playbook_id") long playbookId, String slug,
                           @JsonProperty("space_key") String spaceKey, @JsonProperty("page_id") String pageId,
                           double score, long executions) {
    }
}
