package io.playbooks.learning;

import io.playbooks.api.ApiException;
import io.playbooks.storage.PlaybookDetail;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value scores of every playbook and space, kept as an in-memory snapshot so that search can ask for each hit
 * and the sync for each page at the cost of a map lookup. At most every {@code checkEvery} a read looks at the
 * newest use and newest stored version (one small query) and recomputes the snapshot when either moved; whatever
 * happens, it is recomputed every {@code refreshEvery}, since use decays and pages age. A recomputation reads the
 * playbook list, the uses recorded since the last one (each use is read once: the first computation reads the whole
 * log, later ones only what is new) and the outcome counts; conversion quality is kept per playbook version, so only
 * new versions are read and checked again.
 */
public class LearnedValues implements PlaybookValues {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedValues.class);
    /**
     * Uses are read again from this many ids below the highest one read: an insert that committed after a later id
     * was read is still found (ids already counted are skipped).
     */
    private static final long REREAD_IDS = 1000;

    private final PlaybookStore store;
    private final UsageLog usage;
    private final ExecutionLog executions;
    private final Clock clock;
    private final Duration checkEvery;
    private final Duration refreshEvery;
    private final Map<Long, VersionQuality> qualities = new ConcurrentHashMap<>();
    // guarded by this
    private final Map<Long, UseTally> uses = new HashMap<>();
    private final NavigableSet<Long> recentUseIds = new TreeSet<>();
    private long highestUseId;
    private volatile Snapshot snapshot = Snapshot.NONE;
    private volatile Instant lastCheck = Instant.MIN;

    public LearnedValues(PlaybookStore store, UsageLog usage, ExecutionLog executions, Clock clock,
                         Duration checkEvery, Duration refreshEvery) {
        this.store = store;
        this.usage = usage;
        this.executions = executions;
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.refreshEvery = refreshEvery;
    }

    /**
     * Computes the first snapshot in the background (it reads the whole use log once), so that the first search
     * after a start does not wait for it.
     */
    public void warmUp() {
        Thread warmUp = new Thread(this::readable, "value-scores-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The value of a playbook from the snapshot; a database failure leaves the last snapshot in use. */
    @Override
    public double valueOf(long playbookId) {
        PlaybookValue value = readable().playbooks.get(playbookId);
        return value == null ? 0 : value.value();
    }

    @Override
    public double valueOfSpace(String spaceKey) {
        SpaceValue value = readable().spaces.get(spaceKey);
        return value == null ? 0 : value.value();
    }

    /** The value of one playbook with its explanation, up to date with every use recorded so far. */
    public PlaybookValue explain(PlaybookDetail playbook) {
        long id = playbook.summary().playbookId();
        PlaybookValue value = current(true).playbooks.get(id);
        if (value == null) {
            throw ApiException.notFound("playbook " + id + " has no value yet: it was stored after the scores were computed");
        }
        return value;
    }

    /** The value of a space with its explanation; 404 when no playbook of that space is stored. */
    public SpaceValue explainSpace(String spaceKey) {
        if (spaceKey == null || spaceKey.isBlank()) {
            throw ApiException.badRequest("a space key is required, e.g. /spaces/OPS/value");
        }
        SpaceValue value = current(true).spaces.get(spaceKey.trim());
        if (value == null) {
            throw ApiException.notFound("no playbook of space '" + spaceKey + "' is stored, so it has no value");
        }
        return value;
    }

    private Snapshot readable() {
        try {
            return current(false);
        } catch (RuntimeException e) {
            LOG.warn("value scores not recomputed, the last ones stay in use: {}", e.getMessage());
            return snapshot;
        }
    }

    private Snapshot current(boolean checkNow) {
        Instant now = clock.instant();
        Snapshot seen = snapshot;
        boolean expired = !seen.computedAt.plus(refreshEvery).isAfter(now);
        if (!expired && !checkNow && lastCheck.plus(checkEvery).isAfter(now)) {
            return seen;
        }
        synchronized (this) {
            lastCheck = now;
            UsageLog.Fingerprint fingerprint = usage.fingerprint();
            Snapshot latest = snapshot;
            if (fingerprint.equals(latest.fingerprint) && latest.computedAt.plus(refreshEvery).isAfter(now)) {
                return latest;
            }
            snapshot = compute(fingerprint, now);
            return snapshot;
        }
    }

    private Snapshot compute(UsageLog.Fingerprint fingerprint, Instant now) {
        List<PlaybookSummary> playbooks = store.list();
        readNewUses();
        Map<Long, OutcomeTally> tallies = executions.tallies();
        Map<Long, PlaybookValue> values = new HashMap<>();
        Map<String, List<PlaybookValue>> bySpace = new HashMap<>();
        for (PlaybookSummary summary : playbooks) {
            long id = summary.playbookId();
            PlaybookValue value = ValueModel.score(new ValueModel.Facts(summary, uses.getOrDefault(id, new UseTally()),
                    tallies.getOrDefault(id, OutcomeTally.NONE), quality(summary)), now);
            values.put(id, value);
            bySpace.computeIfAbsent(summary.confluenceSpace(), key -> new ArrayList<>()).add(value);
        }
        Map<String, SpaceValue> spaces = new HashMap<>();
        bySpace.forEach((key, spaceValues) -> spaces.put(key, SpaceValue.of(key, spaceValues, now)));
        qualities.keySet().retainAll(values.keySet());
        return new Snapshot(fingerprint, now, Map.copyOf(values), Map.copyOf(spaces));
    }

    private void readNewUses() {
        highestUseId = usage.forEachAfter(Math.max(0, highestUseId - REREAD_IDS), use -> {
            if (recentUseIds.add(use.id())) {
                uses.computeIfAbsent(use.playbookId(), id -> new UseTally()).add(use.kind(), use.usedAt());
            }
        });
        recentUseIds.headSet(highestUseId - REREAD_IDS, true).clear();
    }

    /** The quality of the playbook's newest version, read and checked once per version. */
    private ConversionQuality quality(PlaybookSummary summary) {
        VersionQuality known = qualities.get(summary.playbookId());
        if (known != null && known.versionNumber == summary.versionNumber()) {
            return known.quality;
        }
        ConversionQuality quality = ConversionQuality.of(store.find(summary.playbookId())
                .map(PlaybookDetail::playbookJson).orElse(null));
        qualities.put(summary.playbookId(), new VersionQuality(summary.versionNumber(), quality));
        return quality;
    }

    private record VersionQuality(int versionNumber, ConversionQuality quality) {
    }

    private record Snapshot(UsageLog.Fingerprint fingerprint, Instant computedAt, Map<Long, PlaybookValue> playbooks,
                            Map<String, SpaceValue> spaces) {
        static final Snapshot NONE = new Snapshot(null, Instant.MIN, Map.of(), Map.of());
    }
}
