package io.playbooks.outdated;

import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.PageRef;
import io.playbooks.page.PageLink;
import io.playbooks.storage.FlagKind;
import io.playbooks.storage.PageChecks;
import io.playbooks.storage.PlaybookFlags;
import io.playbooks.storage.PlaybookFlags.LivePlaybook;
import io.playbooks.sync.SyncedPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warnings on live playbooks: stale (the page not edited for {@code stale_after_days}), newer version (Confluence
 * reported a version the store does not hold after the sync's imports) and dead links. Runs after each sync's
 * imports and, for staleness, before each listing; sets the flags that now hold and clears those that no longer do.
 */
public class OutdatedCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OutdatedCheck.class);
    /** Dead links named in a reason; the rest are counted. */
    private static final int LINKS_NAMED = 10;
    private static final Duration STALE_REFRESH_EVERY = Duration.ofMinutes(1);

    private final PlaybookFlags flags;
    private final PageChecks checks;
    private final ConfluenceConnection confluence;
    private final OutdatedSettings settings;
    private final Clock clock;
    private final LinkCheck linkCheck = new LinkCheck();
    private volatile Instant lastStaleCheck;

    public OutdatedCheck(PlaybookFlags flags, PageChecks checks, ConfluenceConnection confluence,
                         OutdatedSettings settings, Clock clock) {
        this.flags = flags;
        this.checks = checks;
        this.confluence = confluence;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * After a sync's imports: newer versions among the pages it saw, staleness of all, and the links of the pages it
     * wrote plus, in the spaces it reconciled, of every playbook (the periodic full check).
     */
    public void afterSync(SyncedPages synced) {
        List<LivePlaybook> live = flags.live();
        Map<String, LivePlaybook> byPage = new HashMap<>();
        live.forEach(p -> byPage.put(p.spaceKey() + "/" + p.pageId(), p));
        for (PageRef ref : synced.seen()) {
            LivePlaybook playbook = byPage.get(ref.spaceKey() + "/" + ref.id());
            if (playbook != null) {
                newerVersion(playbook, ref);
            }
        }
        stale(live);
        if (settings.deadLinks()) {
            List<LivePlaybook> toCheck = live.stream()
                    .filter(p -> synced.reconciledSpaces().contains(p.spaceKey())
                            || synced.writtenPageIds().contains(p.pageId()))
                    .toList();
            deadLinks(synced, toCheck);
        }
    }

    /**
     * Staleness as of now, for every live playbook (before a listing, so that it shows without a sync); at most once
     * a minute, since staleness is counted in days and a listing should cost no scan of every playbook.
     *
     * @return whether a playbook became stale (there is something to announce)
     */
    public boolean refreshStale() {
        Instant last = lastStaleCheck;
        if (last != null && clock.instant().isBefore(last.plus(STALE_REFRESH_EVERY))) {
            return false;
        }
        return stale(flags.live());
    }

    private void newerVersion(LivePlaybook playbook, PageRef ref) {
        if (ref.version() > playbook.sourceVersion()) {
            flags.raise(playbook.playbookId(), FlagKind.NEWER_VERSION, "Confluence has version " + ref.version()
                    + " of the page, the playbook holds version " + playbook.sourceVersion() + ": " + whyNotImported(
                    playbook, ref.version()));
        } else if (playbook.flags().contains(FlagKind.NEWER_VERSION)) {
            flags.clear(playbook.playbookId(), FlagKind.NEWER_VERSION);
        }
    }

    private String whyNotImported(LivePlaybook playbook, int version) {
        Optional<PageChecks.Check> check = checks.last(playbook.spaceKey(), playbook.pageId());
        if (check.isPresent() && check.get().sourceVersion() >= version && "FAILED".equals(check.get().outcome())) {
            return "its import failed (see the errors of the sync)";
        }
        if (!confluence.settings().autoUpdateExisting()) {
            return "auto_update_existing is off";
        }
        return "it could not be fetched or imported yet; the next sync tries again";
    }

    private boolean stale(List<LivePlaybook> live) {
        Instant now = clock.instant();
        lastStaleCheck = now;
        Instant cutoff = settings.staleAfterDays() == 0 ? null : now.minus(Duration.ofDays(settings.staleAfterDays()));
        Map<Long, String> newlyStale = new HashMap<>();
        for (LivePlaybook playbook : live) {
            boolean stale = cutoff != null && playbook.modifiedAt() != null && playbook.modifiedAt().isBefore(cutoff);
            if (stale && !playbook.flags().contains(FlagKind.STALE)) {
                newlyStale.put(playbook.playbookId(), "the page was last edited on "
                        + LocalDate.ofInstant(playbook.modifiedAt(), ZoneOffset.UTC) + ", more than "
                        + settings.staleAfterDays() + " days ago (stale_after_days)");
            } else if (!stale && playbook.flags().contains(FlagKind.STALE)) {
                flags.clear(playbook.playbookId(), FlagKind.STALE);
            }
        }
        return flags.raiseAll(FlagKind.STALE, newlyStale) > 0;
    }

    private void deadLinks(SyncedPages synced, List<LivePlaybook> playbooks) {
        if (playbooks.isEmpty()) {
            return;
        }
        List<Long> versions = playbooks.stream().map(LivePlaybook::versionId).toList();
        Map<Long, List<PageLink>> links = flags.links(versions);
        Map<Long, Set<String>> attachments = flags.attachmentNames(versions);
        // links are site-local: a page's links are looked up on its own site, with that site's client
        Map<ConfluenceClient, List<LinkCheck.Linking>> linkingBySite = new LinkedHashMap<>();
        Map<Long, LivePlaybook> byId = new HashMap<>();
        for (LivePlaybook p : playbooks) {
            ConfluenceClient client = synced.clients().get(p.spaceKey());
            if (client == null) {
                continue;
            }
            byId.put(p.playbookId(), p);
            linkingBySite.computeIfAbsent(client, c -> new ArrayList<>()).add(new LinkCheck.Linking(p.playbookId(),
                    p.spaceKey(), p.pageId(), links.getOrDefault(p.versionId(), List.of()),
                    attachments.getOrDefault(p.versionId(), Set.of()), synced.writtenPageIds().contains(p.pageId())));
        }
        long requests = 0;
        Map<Long, List<PageLink>> dead = new LinkedHashMap<>();
        for (Map.Entry<ConfluenceClient, List<LinkCheck.Linking>> site : linkingBySite.entrySet()) {
            long before = site.getKey().stats().requests();
            dead.putAll(linkCheck.deadLinks(site.getKey(), site.getValue()));
            requests += site.getKey().stats().requests() - before;
        }
        Map<Long, String> deadReasons = new HashMap<>();
        for (Map.Entry<Long, List<PageLink>> entry : dead.entrySet()) {
            LivePlaybook playbook = byId.get(entry.getKey());
            if (!entry.getValue().isEmpty()) {
                deadReasons.put(playbook.playbookId(), reason(entry.getValue()));
            } else if (playbook.flags().contains(FlagKind.DEAD_LINK)) {
                flags.clear(playbook.playbookId(), FlagKind.DEAD_LINK);
            }
        }
        flags.raiseAll(FlagKind.DEAD_LINK, deadReasons);
        LOG.info("checked the links of {} playbooks with {} Confluence requests: {} with dead links", dead.size(),
                requests, deadReasons.size());
    }

    private static String reason(List<PageLink> dead) {
        String named = dead.stream().limit(LINKS_NAMED).map(PageLink::describe).collect(Collectors.joining(", "));
        String more = dead.size() > LINKS_NAMED ? " and " + (dead.size() - LINKS_NAMED) + " more" : "";
        return "links to " + (dead.size() == 1 ? "a target" : dead.size() + " targets")
                + " that no longer exist" + (dead.size() == 1 ? "s" : "") + ": " + named + more;
    }
}
