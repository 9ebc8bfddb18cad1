package io.playbooks.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.playbooks.api.PlaybookCatalog;
import io.playbooks.storage.AnalyticsQueries;
import io.playbooks.storage.AnalyticsQueries.Activity;
import io.playbooks.storage.AnalyticsQueries.Usage;
import io.playbooks.storage.ImportRollups;
import io.playbooks.storage.SpaceFigures;
import io.playbooks.storage.SpaceSnapshots;
import io.playbooks.storage.SpaceSnapshots.Snapshot;
import io.playbooks.storage.TimeBucket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /analytics}: the store's totals (the hAIveMind keys), and per space and overall the import success
 * rate, conversion quality, update frequency and effectiveness, now and as series over a window, with the most used
 * playbooks. {@link #snapshot()} keeps each space's figures of the day, so that quality and effectiveness have a
 * history too.
 */
public class AnalyticsReport {

    static final int TOP_REASONS = 5;
    static final Map<String, String> DEFINITIONS = definitions();

    private final PlaybookCatalog catalog;
    private final ImportRollups rollups;
    private final AnalyticsQueries queries;
    private final SpaceSnapshots snapshots;
    private final Clock clock;

    public AnalyticsReport(PlaybookCatalog catalog, ImportRollups rollups, AnalyticsQueries queries,
                           SpaceSnapshots snapshots, Clock clock) {
        this.catalog = catalog;
        this.rollups = rollups;
        this.queries = queries;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** The report for the query parameters of {@code GET /analytics} (each null or blank for its default). */
    public Response report(String from, String to, String bucket, String limit, String spaceKey) {
        Instant now = clock.instant();
        AnalyticsWindow window = AnalyticsWindow.of(from, to, bucket, limit, spaceKey, now);
        Map<String, SpaceFigures> current = only(window, queries.currentFigures(now.minus(Effectiveness.USE_WINDOW)));
        List<ImportRollups.Count> attempts = rollups.attempts(window.from(), window.to(), window.bucket(), window.spaceKey());
        List<ImportRollups.Reason> reasons = rollups.failureReasons(window.from(), window.to(), window.spaceKey());
        List<Activity> activity = queries.versionActivity(window.from(), window.to(), window.bucket(), window.spaceKey());
        Map<String, Activity> changed = queries.versionActivity(window.from(), window.to(), window.spaceKey()).stream()
                .collect(Collectors.toMap(Activity::spaceKey, a -> a));
        List<Snapshot> days = snapshots.between(window.days().get(0), window.days().get(window.days().size() - 1),
                window.spaceKey());

        TreeSet<String> spaceKeys = new TreeSet<>(current.keySet());
        attempts.forEach(a -> spaceKeys.add(a.spaceKey()));
        changed.keySet().forEach(spaceKeys::add);
        Map<String, SpaceReport> spaces = new LinkedHashMap<>();
        for (String key : spaceKeys) {
            ImportFigures imports = attempts.stream().filter(a -> a.spaceKey().equals(key))
                    .reduce(ImportFigures.NONE, (sum, a) -> sum.plus(a.attempt(), a.pages()), ImportFigures::plus);
            List<ReasonCount> top = topReasons(reasons.stream().filter(r -> r.spaceKey().equals(key)).toList());
            Activity versions = changed.get(key);
            spaces.put(key, SpaceReport.of(current.getOrDefault(key, SpaceFigures.NONE), imports, top,
                    versions == null ? Updates.NONE : new Updates(versions.newVersions(), versions.playbooksChanged())));
        }
        SpaceReport overall = SpaceReport.of(
                spaces.values().stream().map(SpaceReport::current).reduce(SpaceFigures.NONE, SpaceFigures::plus),
                spaces.values().stream().map(SpaceReport::imports).reduce(ImportFigures.NONE, ImportFigures::plus),
                topReasons(reasons),
                spaces.values().stream().map(SpaceReport::updates).reduce(Updates.NONE, Updates::plus));
        List<MostUsed> mostUsed = queries.mostUsed(window.from(), window.to(), window.limit(), window.spaceKey())
                .stream().map(MostUsed::of).toList();
        return new Response(catalog.analytics(),
                new Window(window.from(), window.to(), window.bucket().name().toLowerCase(Locale.ROOT), window.limit(),
                        window.spaceKey()),
                DEFINITIONS, overall, spaces, Series.of(window, spaceKeys, attempts, activity),
                DailySeries.of(window.days(), spaceKeys, days), mostUsed);
    }

    /**
     * Writes today's (UTC) snapshot of every space's figures, replacing an earlier one of today.
     *
     * @return the spaces snapshotted
     */
    public int snapshot() {
        Instant now = clock.instant();
        Map<String, SpaceFigures> figures = queries.currentFigures(now.minus(Effectiveness.USE_WINDOW));
        snapshots.save(LocalDate.ofInstant(now, ZoneOffset.UTC), figures, now);
        return figures.size();
    }

    private static Map<String, SpaceFigures> only(AnalyticsWindow window, Map<String, SpaceFigures> figures) {
        if (window.spaceKey() == null) {
            return figures;
        }
        SpaceFigures space = figures.get(window.spaceKey());
        return space == null ? Map.of() : Map.of(window.spaceKey(), space);
    }

    private static List<ReasonCount> topReasons(List<ImportRollups.Reason> reasons) {
        Map<String, Long> byReason = reasons.stream()
                .collect(Collectors.groupingBy(ImportRollups.Reason::reason, Collectors.summingLong(ImportRollups.Reason::pages)));
        return byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS).map(e -> new ReasonCount(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("import_success_rate", "stored / attempted in the window: stored = created + updated +"
                + " unchanged, attempted = stored + invalid + errors; pages that are not playbooks are no attempt");
        definitions.put("concrete_step_share", "steps (with substeps) of the current playbooks that carry a shell"
                + " command or an HTTP URL / all their steps; noop_step_share: manual steps / all steps");
        definitions.put("validation_failure_share", "pages whose last import failed (validation or conversion) /"
                + " pages that read as playbooks");
        definitions.put("update_frequency", "new content versions in the window (and per bucket), and the playbooks"
                + " they changed");
        definitions.put("most_used", "uses recorded in playbook_usage in the window, by kind");
        definitions.put("effectiveness", Effectiveness.DEFINITION);
        definitions.put("history", "import figures and updates per bucket come from hourly roll-ups and the version"
                + " history; quality and effectiveness per day from daily snapshots of each space");
        return definitions;
    }

    /** The whole answer; the keys of {@link PlaybookCatalog.Analytics} stay at the top level. */
    public record Response(@JsonUnwrapped PlaybookCatalog.Analytics totals,
                           Window window,
                           Map<String, String> definitions,
                           SpaceReport overall,
                           Map<String, SpaceReport> spaces,
                           Series series,
                           @JsonProperty("daily_snapshots") DailySeries dailySnapshots,
                           @JsonProperty("most_used") List<MostUsed> mostUsed) {
    }

    public record Window(Instant from, Instant to, String bucket, int limit,
                         @JsonProperty("space_key") String spaceKey) {
    }

    /** One space (or all of them): figures as they stand, and imports and updates in the window. */
    public record SpaceReport(SpaceFigures current,
                              @JsonProperty("import") ImportFigures imports,
                              @JsonProperty("top_failure_reasons") List<ReasonCount> topFailureReasons,
                              Quality quality,
                              Updates updates,
                              Effectiveness effectiveness) {

        static SpaceReport of(SpaceFigures current, ImportFigures imports, List<ReasonCount> reasons, Updates updates) {
            return new SpaceReport(current, imports, reasons, Quality.of(current), updates, Effectiveness.of(current));
        }
    }

    public record ReasonCount(String reason, long pages) {
    }

    /** Content versions stored in the window, and the playbooks (pages) they changed. */
    public record Updates(@JsonProperty("new_versions") long newVersions,
                          @JsonProperty("pages_changed") long pagesChanged) {

        static final Updates NONE = new Updates(0, 0);

        Updates plus(Updates other) {
            return new Updates(newVersions + other.newVersions, pagesChanged + other.pagesChanged);
        }
    }

    public record MostUsed(@JsonProperty("playbook_id") long playbookId, String slug, String name,
                           @JsonProperty("space_key") String spaceKey, long total, long fetched,
                           @JsonProperty("search_opened") long searchOpened, long executed) {

        static MostUsed of(Usage usage) {
            return new MostUsed(usage.playbookId(), usage.slug(), usage.name(), usage.spaceKey(), usage.total(),
                    usage.fetched(), usage.searchOpened(), usage.executed());
        }
    }

    /** Per space, one value per bucket of the window (aligned with {@code bucket_starts}; null: nothing to divide). */
    public record Series(@JsonProperty("bucket_starts") List<Instant> bucketStarts,
                         @JsonProperty("import_attempts") Map<String, List<Long>> importAttempts,
                         @JsonProperty("import_failures") Map<String, List<Long>> importFailures,
                         @JsonProperty("import_success_rate") Map<String, List<Double>> importSuccessRate,
                         @JsonProperty("new_versions") Map<String, List<Long>> newVersions,
                         @JsonProperty("pages_changed") Map<String, List<Long>> pagesChanged) {

        static Series of(AnalyticsWindow window, TreeSet<String> spaces, List<ImportRollups.Count> attempts,
                         List<Activity> activity) {
            List<Instant> starts = window.bucketStarts();
            Map<String, Map<Instant, ImportFigures>> imports = new TreeMap<>();
            for (ImportRollups.Count count : attempts) {
                imports.computeIfAbsent(count.spaceKey(), k -> new TreeMap<>())
                        .merge(count.bucketStart(), ImportFigures.NONE.plus(count.attempt(), count.pages()), ImportFigures::plus);
            }
            Map<String, Map<Instant, Activity>> versions = new TreeMap<>();
            activity.forEach(a -> versions.computeIfAbsent(a.spaceKey(), k -> new TreeMap<>()).put(a.bucketStart(), a));
            Function<String, List<ImportFigures>> importsOf = space -> starts.stream()
                    .map(s -> imports.getOrDefault(space, Map.of()).getOrDefault(s, ImportFigures.NONE)).toList();
            Function<String, List<Activity>> versionsOf = space -> starts.stream()
                    .map(s -> versions.getOrDefault(space, Map.of()).get(s)).toList();
            return new Series(starts,
                    perSpace(spaces, space -> importsOf.apply(space).stream().map(ImportFigures::attempted).toList()),
                    perSpace(spaces, space -> importsOf.apply(space).stream().map(ImportFigures::failed).toList()),
                    perSpace(spaces, space -> importsOf.apply(space).stream().map(ImportFigures::successRate).toList()),
                    perSpace(spaces, space -> versionsOf.apply(space).stream().map(a -> a == null ? 0 : a.newVersions()).toList()),
                    perSpace(spaces, space -> versionsOf.apply(space).stream().map(a -> a == null ? 0 : a.playbooksChanged()).toList()));
        }
    }

    /** Per space, one value per UTC day of the window from its daily snapshot (null: no snapshot that day). */
    public record DailySeries(List<LocalDate> days,
                              Map<String, List<Integer>> playbooks,
                              @JsonProperty("concrete_step_share") Map<String, List<Double>> concreteStepShare,
                              @JsonProperty("validation_failure_share") Map<String, List<Double>> validationFailureShare,
                              Map<String, List<Double>> effectiveness) {

        static DailySeries of(List<LocalDate> days, TreeSet<String> spaces, List<Snapshot> snapshots) {
            Map<String, Map<LocalDate, SpaceFigures>> bySpace = new TreeMap<>();
            snapshots.forEach(s -> bySpace.computeIfAbsent(s.spaceKey(), k -> new TreeMap<>()).put(s.day(), s.figures()));
            TreeSet<String> keys = new TreeSet<>(spaces);
            keys.addAll(bySpace.keySet());
            return new DailySeries(days, daily(keys, days, bySpace, SpaceFigures::playbooks),
                    daily(keys, days, bySpace, f -> Quality.of(f).concreteStepShare()),
                    daily(keys, days, bySpace, f -> Quality.of(f).validationFailureShare()),
                    daily(keys, days, bySpace, f -> Effectiveness.of(f).score()));
        }

        private static <T> Map<String, List<T>> daily(TreeSet<String> spaces, List<LocalDate> days,
                                                      Map<String, Map<LocalDate, SpaceFigures>> bySpace,
                                                      Function<SpaceFigures, T> value) {
            return perSpace(spaces, space -> days.stream().map(d -> bySpace.getOrDefault(space, Map.of()).get(d))
                    .map(f -> f == null ? null : value.apply(f)).toList());
        }
    }

    private static <T> Map<String, List<T>> perSpace(TreeSet<String> spaces, Function<String, List<T>> values) {
        Map<String, List<T>> series = new LinkedHashMap<>();
        spaces.forEach(space -> series.put(space, values.apply(space)));
        return series;
    }
}
