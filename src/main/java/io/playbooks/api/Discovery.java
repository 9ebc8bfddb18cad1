package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.conversion.Conversion;
import io.playbooks.page.SourcePage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the playbook candidates of {@code GET /discover}: every page is detected, the playbooks are listed with
 * their score and reasons (best first), and nothing is stored.
 */
public class Discovery {

    private final ConfluenceConnection confluence;

    public Discovery(ConfluenceConnection confluence) {
        this.confluence = confluence;
    }

    /** A run over the given space, or over every configured space when none is given. */
    public Run begin(String spaceKey) {
        List<String> spaces = spaceKey == null || spaceKey.isBlank() ? confluence.spaces() : List.of(spaceKey.trim());
        if (spaces.isEmpty()) {
            throw ApiException.badRequest("no space_key given and no spaces configured: call /discover?space_key=KEY");
        }
        return new Run(spaces);
    }

    public void add(Run run, Conversion conversion) {
        run.totalPages++;
        if (conversion.detection().isPlaybook()) {
            SourcePage page = conversion.page();
            int steps = conversion.hasPlaybook() ? conversion.playbook().steps().size() : 0;
            run.candidates.add(new Candidate(page.id(), page.title(), page.spaceKey(), page.version(), page.lastModified(),
                    page.webUrl(), conversion.detection().score(), conversion.detection().reasons(), steps,
                    conversion.problems()));
        }
    }

    public DiscoverResponse finish(Run run) {
        List<Candidate> pages = new ArrayList<>(run.candidates);
        pages.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::title));
        return new DiscoverResponse(String.join(",", run.spaceKeys), pages.size(), run.totalPages, pages);
    }

    /** The state of one discovery, kept in an exchange property while the route splits the pages. */
    public static final class Run {
        private final List<String> spaceKeys;
        private final List<Candidate> candidates = new ArrayList<>();
        private int totalPages;

        Run(List<String> spaceKeys) {
            this.spaceKeys = List.copyOf(spaceKeys);
        }

        public List<String> getSpaceKeys() {
            return spaceKeys;
        }
    }

    public record DiscoverResponse(@JsonProperty("space_key") String spaceKey,
                                   @JsonProperty("discovered_pages") int discoveredPages,
                                   @JsonProperty("total_pages") int totalPages,
                                   List<Candidate> pages) {
    }

    public record Candidate(@JsonProperty("page_id") String pageId, String title, @JsonProperty("space_key") String spaceKey,
                            int version, @JsonProperty("last_modified") Instant lastModified,
                            @JsonProperty("web_url") String webUrl, double score, List<String> reasons,
                            @JsonProperty("step_count") int stepCount, List<String> problems) {
    }
}
