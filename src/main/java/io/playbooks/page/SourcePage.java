package io.playbooks.page;

import java.time.Instant;
import java.util.List;

/**
 * One Confluence page as the converter sees it, wherever it came from (Cloud, Data Center or the offline folder).
 *
 * @param id           Confluence page id (for offline pages: from NAME.meta.json, else the file name)
 * @param spaceKey     space key, e.g. "INFRA"
 * @param title        page title
 * @param labels       page labels, lower case
 * @param version      Confluence version number of the page (1 when unknown)
 * @param storageBody  body in storage format (XHTML with ac:/ri: elements)
 * @param webUrl       link to the page in Confluence, or null
 * @param lastModified when the page was last edited, or null
 * @param attachments  metadata of the page's attachments, never their content
 */
public record SourcePage(String id, String spaceKey, String title, List<String> labels, int version,
                         String storageBody, String webUrl, Instant lastModified, List<Attachment> attachments) {

    public SourcePage {
        labels = labels == null ? List.of() : List.copyOf(labels);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        storageBody = storageBody == null ? "" : storageBody;
    }

    public static SourcePage of(String id, String spaceKey, String title, List<String> labels, String storageBody) {
        return new SourcePage(id, spaceKey, title, labels, 1, storageBody, null, null, List.of());
    }
}
