package io.playbooks.api;

import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.ContentTooLargeException;
import io.playbooks.page.Attachment;
import io.playbooks.storage.PlaybookDetail;
import org.apache.camel.Header;

import java.util.List;

/**
 * The files attached to a playbook's page ({@code GET /playbooks/{id}/attachments/{file_name}}, MCP
 * {@code get_playbook_attachment}): looked up among the attachments kept with the playbook's newest content and
 * fetched from Confluence when asked for, never stored. A file above the size the service relays is refused, so
 * that one large file cannot fill the heap; the answer then names the link to open it in Confluence.
 */
public class PlaybookAttachments {

    private static final long MEGABYTE = 1024 * 1024;

    private final PlaybookCatalog catalog;
    private final ConfluenceConnection confluence;
    private final int maxMegabytes;

    /** @param maxMegabytes the largest file relayed, in MB ({@code playbooks.attachments.max-mb}) */
    public PlaybookAttachments(PlaybookCatalog catalog, ConfluenceConnection confluence, int maxMegabytes) {
        if (maxMegabytes < 1) {
            throw new IllegalArgumentException("playbooks.attachments.max-mb must be 1 or more, not " + maxMegabytes);
        }
        this.catalog = catalog;
        this.confluence = confluence;
        this.maxMegabytes = maxMegabytes;
    }

    /**
     * The file fetched now. The headers are bound by name, not through a method expression, which would strip quotes
     * from a file name.
     */
    public AttachmentContent content(@Header("id") String idOrSlug, @Header("file_name") String fileName) {
        AttachedFile file = file(idOrSlug, fileName);
        Attachment attachment = file.attachment();
        if (attachment.downloadUrl() == null || attachment.downloadUrl().isBlank()) {
            throw ApiException.notFound("attachment '" + fileName + "' of playbook " + file.slug()
                    + " has no download link: re-import the page to refresh its attachments");
        }
        try {
            return new AttachmentContent(file, confluence.attachment(attachment.downloadUrl(), maxMegabytes * MEGABYTE));
        } catch (ContentTooLargeException tooLarge) {
            throw new ApiException(413, "attachment '" + fileName + "' of playbook " + file.slug()
                    + " is larger than the " + maxMegabytes + " MB this service relays (playbooks.attachments.max-mb): "
                    + "open it in Confluence at " + attachment.downloadUrl());
        }
    }

    /** What the playbook keeps of the file, without fetching it: enough to decide whether to. */
    public AttachedFile file(@Header("id") String idOrSlug, @Header("file_name") String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.badRequest("file_name is required: the name of a file attached to the playbook's page, "
                    + "as its attachments list it (GET /playbooks/{id})");
        }
        PlaybookDetail playbook = catalog.get(idOrSlug);
        return new AttachedFile(playbook.summary().playbookId(), playbook.summary().slug(), named(playbook, fileName));
    }

    private static Attachment named(PlaybookDetail playbook, String fileName) {
        List<Attachment> attachments = playbook.attachments();
        return attachments.stream().filter(a -> a.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> ApiException.notFound("playbook " + playbook.summary().slug()
                        + " has no attachment named '" + fileName + "'; " + (attachments.isEmpty()
                        ? "its page had none when it was imported"
                        : "its attachments are " + String.join(", ", attachments.stream().map(Attachment::fileName).toList()))));
    }
}
