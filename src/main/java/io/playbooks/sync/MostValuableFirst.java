package io.playbooks.sync;

import io.playbooks.confluence.PageRef;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the pages of a sync so that the most valuable are imported first: by the value of the page's playbook,
 * then (for pages of equal value, new pages among them) by the value of their space; otherwise in the order they
 * were planned. Should a sync be cut short, what mattered most is up to date.
 */
final class MostValuableFirst {

    private static final Logger LOG = LoggerFactory.getLogger(MostValuableFirst.class);

    private final PlaybookValues values;
    private final PlaybookStore store;

    MostValuableFirst(PlaybookValues values, PlaybookStore store) {
        this.values = values;
        this.store = store;
    }

    /** The pages, most valuable first; in planned order when the values cannot be read (the sync must go on). */
    List<PageRef> sorted(Collection<PageRef> pages) {
        if (pages.size() < 2) {
            return List.copyOf(pages);
        }
        try {
            return byValue(pages);
        } catch (RuntimeException e) {
            LOG.warn("the sync imports its {} pages in planned order: their values could not be read: {}",
                    pages.size(), e.getMessage());
            return List.copyOf(pages);
        }
    }

    private List<PageRef> byValue(Collection<PageRef> pages) {
        Map<String, Long> playbookOfPage = new HashMap<>();
        for (PlaybookSummary playbook : store.list()) {
            playbookOfPage.put(key(playbook.confluenceSpace(), playbook.confluencePageId()), playbook.playbookId());
        }
        Map<String, Double> pageValues = new HashMap<>();
        Map<String, Double> spaceValues = new HashMap<>();
        for (PageRef page : pages) {
            Long playbook = playbookOfPage.get(key(page.spaceKey(), page.id()));
            pageValues.put(key(page.spaceKey(), page.id()), playbook == null ? 0 : values.valueOf(playbook));
            spaceValues.computeIfAbsent(page.spaceKey(), values::valueOfSpace);
        }
        // a stream's sort of an ordered stream is stable: pages of equal value keep their planned order
        return pages.stream().sorted(Comparator
                        .comparingDouble((PageRef page) -> pageValues.get(key(page.spaceKey(), page.id()))).reversed()
                        .thenComparing(Comparator.comparingDouble((PageRef page) -> spaceValues.get(page.spaceKey())).reversed()))
                .toList();
    }

    private static String key(String spaceKey, String pageId) {
        return spaceKey + "/" + pageId;
    }
}
