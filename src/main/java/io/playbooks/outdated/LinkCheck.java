package io.playbooks.outdated;

import io.playbooks.confluence.ConfluenceClient;
import io.playbooks.confluence.NamedAttachment;
import io.playbooks.page.PageLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the links of playbooks that point at pages or attachments that no longer exist, asking Confluence once per
 * space for all the titles (and once for all the attachment names) linked into it, in CQL batches: never one request
 * per link. A page's own attachments are checked against the metadata stored with a version imported just now, at
 * no cost; for an older version (the periodic full check) they join the attachment query of its space.
 */
final class LinkCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LinkCheck.class);

    /**
     * A playbook to check.
     *
     * @param ownAttachments the attachment names its page had at the stored version
     * @param freshlyStored  whether that version was imported just now, so that its attachment names are current
     */
    record Linking(long playbookId, String spaceKey, String pageId, List<PageLink> links, Set<String> ownAttachments,
                   boolean freshlyStored) {
    }

    /**
     * The dead links of each playbook (an empty list: every link is alive). A playbook linking into a space that
     * Confluence could not answer for is left out: unknown is not dead.
     */
    Map<Long, List<PageLink>> deadLinks(ConfluenceClient client, List<Linking> playbooks) {
        Map<String, Set<String>> titlesBySpace = new LinkedHashMap<>();
        Map<String, Set<String>> fileNamesBySpace = new LinkedHashMap<>();
        for (Linking playbook : playbooks) {
            for (PageLink link : playbook.links()) {
                String space = link.spaceOr(playbook.spaceKey());
                if (link.kind() == PageLink.Kind.PAGE) {
                    titlesBySpace.computeIfAbsent(space, s -> new HashSet<>()).add(link.pageTitle());
                } else if (!link.ownAttachment() || !playbook.freshlyStored()) {
                    fileNamesBySpace.computeIfAbsent(space, s -> new HashSet<>()).add(link.fileName());
                }
            }
        }
        Set<String> unanswered = new HashSet<>();
        Map<String, Set<String>> pages = new HashMap<>();
        titlesBySpace.forEach((space, titles) -> ask(space, unanswered,
                () -> pages.put(space, lowerCase(client.pageTitles(space, titles)))));
        Map<String, Set<String>> attachments = new HashMap<>();
        fileNamesBySpace.forEach((space, names) -> ask(space, unanswered, () -> {
            Set<String> found = new HashSet<>();
            for (NamedAttachment a : client.attachmentsNamed(space, names)) {
                found.add(key(a.pageTitle(), a.fileName()));
                found.add(ownKey(a.pageId(), a.fileName()));
            }
            attachments.put(space, found);
        }));
        Map<Long, List<PageLink>> dead = new LinkedHashMap<>();
        for (Linking playbook : playbooks) {
            List<PageLink> deadOnes = new ArrayList<>();
            boolean known = true;
            for (PageLink link : playbook.links()) {
                String space = link.spaceOr(playbook.spaceKey());
                if (link.ownAttachment() && playbook.freshlyStored()) {
                    if (!playbook.ownAttachments().contains(link.fileName())) {
                        deadOnes.add(link);
                    }
                } else if (unanswered.contains(space)) {
                    known = false;
                } else if (!exists(link, playbook, pages.get(space), attachments.get(space))) {
                    deadOnes.add(link);
                }
            }
            if (known) {
                dead.put(playbook.playbookId(), deadOnes);
            }
        }
        return dead;
    }

    private static boolean exists(PageLink link, Linking playbook, Set<String> pages, Set<String> attachments) {
        if (link.kind() == PageLink.Kind.PAGE) {
            return pages.contains(link.pageTitle().toLowerCase(Locale.ROOT));
        }
        return attachments.contains(link.ownAttachment() ? ownKey(playbook.pageId(), link.fileName())
                : key(link.pageTitle(), link.fileName()));
    }

    private static void ask(String space, Set<String> unanswered, Runnable question) {
        try {
            question.run();
        } catch (RuntimeException e) {
            // Confluence failing (or the space gone from view): the links into it stay as they were judged before
            unanswered.add(space);
            LOG.warn("cannot check the links into space {}: {}", space, e.getMessage());
        }
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static String key(String pageTitle, String fileName) {
        return pageTitle.toLowerCase(Locale.ROOT) + "\n" + fileName.toLowerCase(Locale.ROOT);
    }

    /** An attachment of a page by the page's id: titles may change, ids do not. */
    private static String ownKey(String pageId, String fileName) {
        return "#" + pageId + "\n" + fileName.toLowerCase(Locale.ROOT);
    }
}
