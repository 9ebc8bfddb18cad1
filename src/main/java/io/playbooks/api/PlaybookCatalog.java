package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.playbooks.storage.PlaybookDetail;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import io.playbooks.storage.PlaybookVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The read side of the API: the stored playbooks, one playbook, its history with diffs, and the analytics. */
public class PlaybookCatalog {

    private final PlaybookStore store;

    public PlaybookCatalog(PlaybookStore store) {
        this.store = store;
    }

    /**
     * The stored playbooks; {@code outdated} "true" keeps only those with an outdated flag, "false" only current
     * ones, null or blank all of them.
     */
    public PlaybookList list(String outdated) {
        List<PlaybookSummary> playbooks = store.list();
        if (outdated != null && !outdated.isBlank()) {
            boolean wanted = switch (outdated.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw ApiException.badRequest("outdated must be true or false, not '" + outdated + "'");
            };
            playbooks = playbooks.stream().filter(p -> p.outdated() == wanted).toList();
        }
        return new PlaybookList(playbooks.size(), playbooks);
    }

    /** One playbook by its numeric id or its slug; 404 when neither matches. */
    public PlaybookDetail get(String idOrSlug) {
        return find(idOrSlug).orElseThrow(() -> ApiException.notFound("no playbook with id or slug '" + idOrSlug + "'"));
    }

    /** The history of a playbook, newest first, each content version with a unified diff from the one before. */
    public VersionHistory versions(String idOrSlug) {
        PlaybookDetail playbook = get(idOrSlug);
        List<PlaybookVersion> newestFirst = store.versions(playbook.summary().playbookId());
        List<PlaybookVersion> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        List<VersionEntry> entries = new ArrayList<>();
        String previousYaml = "";
        for (PlaybookVersion version : oldestFirst) {
            String diff = version.yaml() == null ? null : unifiedDiff(previousYaml, version.yaml(), version.versionNumber());
            entries.add(new VersionEntry(version, diff));
            if (version.yaml() != null) {
                previousYaml = version.yaml();
            }
        }
        Collections.reverse(entries);
        return new VersionHistory(playbook.summary().playbookId(), playbook.summary().slug(), playbook.summary().name(),
                entries.size(), entries);
    }

    public Analytics analytics() {
        List<PlaybookSummary> playbooks = store.list();
        Map<String, SpaceStatistics> spaces = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        Map<LocalDate, Integer> firstImports = new TreeMap<>();
        Instant lastUpdated = null;
        for (PlaybookSummary playbook : playbooks) {
            spaces.merge(playbook.confluenceSpace(), SpaceStatistics.of(playbook), SpaceStatistics::plus);
            categories.merge(playbook.category(), 1, Integer::sum);
            firstImports.merge(LocalDate.ofInstant(playbook.createdAt(), ZoneOffset.UTC), 1, Integer::sum);
            if (lastUpdated == null || playbook.updatedAt().isAfter(lastUpdated)) {
                lastUpdated = playbook.updatedAt();
            }
        }
        List<TimelineEntry> timeline = firstImports.entrySet().stream()
                .map(e -> new TimelineEntry(e.getKey().toString(), e.getValue())).toList();
        return new Analytics(playbooks.size(), spaces, categories, timeline, lastUpdated);
    }

    private Optional<PlaybookDetail> find(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank()) {
            throw ApiException.badRequest("a playbook id or slug is required");
        }
        if (idOrSlug.chars().allMatch(Character::isDigit) && idOrSlug.length() < 19) {
            Optional<PlaybookDetail> byId = store.find(Long.parseLong(idOrSlug));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return store.findBySlug(idOrSlug);
    }

    private static String unifiedDiff(String before, String after, int versionNumber) {
        List<String> old = before.isEmpty() ? List.of() : Arrays.asList(before.split("\n", -1));
        List<String> now = Arrays.asList(after.split("\n", -1));
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("version " + (versionNumber - 1),
                "version " + versionNumber, old, DiffUtils.diff(old, now), 3);
        return String.join("\n", lines);
    }

    public record PlaybookList(@JsonProperty("total_confluence_playbooks") int total, List<PlaybookSummary> playbooks) {
    }

    public record VersionHistory(@JsonProperty("playbook_id") long playbookId, String slug, String name,
                                 @JsonProperty("total_versions") int totalVersions, List<VersionEntry> versions) {
    }

    /** A version and the unified diff of its YAML against the previous content version (null for a tombstone). */
    public record VersionEntry(@com.fasterxml.jackson.annotation.JsonUnwrapped PlaybookVersion version, String diff) {
    }

    public record SpaceStatistics(int playbooks, int outdated, int steps) {
        static SpaceStatistics of(PlaybookSummary playbook) {
            return new SpaceStatistics(1, playbook.outdated() ? 1 : 0, playbook.stepCount());
        }

        SpaceStatistics plus(SpaceStatistics other) {
            return new SpaceStatistics(playbooks + other.playbooks, outdated + other.outdated, steps + other.steps);
        }
    }

    public record TimelineEntry(String date, int imports) {
    }

    public record Analytics(@JsonProperty("total_confluence_playbooks") int total,
                            @JsonProperty("space_statistics") Map<String, SpaceStatistics> spaceStatistics,
                            @JsonProperty("category_statistics") Map<String, Integer> categoryStatistics,
                            @JsonProperty("import_timeline") List<TimelineEntry> importTimeline,
                            @JsonProperty("last_updated") Instant lastUpdated) {
    }
}
