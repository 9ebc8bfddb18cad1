package io.playbooks.api;

import io.playbooks.confluence.ConfluenceConnection;
import io.playbooks.confluence.ContentTooLargeException;
import io.playbooks.page.Attachment;
import io.playbooks.storage.PlaybookDetail;
import org.apache.camel.Body;
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

    /** What the playbook keeps of the file: enough to decide whether to fetch it, and the link to fetch it by. */
    public AttachedFile file(@Header("id") String idOrSlug, @Header("file_name") String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.badRequest("file_name is required: the name of a file attached to the playbook's page, "
                    + "as its attachments list it (GET /playbooks/{id})");
        }
        PlaybookDetail playbook = catalog.get(idOrSlug);
        Attachment attachment = named(playbook, fileName);
        if (attachment.downloadUrl() == null || attachment.downloadUrl().isBlank()) {
            throw ApiException.notFound("attachment '" + fileName + "' of playbook " + playbook.summary().slug()
                    + " has no download link: re-import the page to refresh its attachments");
        }
        return new AttachedFile(playbook.summary().playbookId(), playbook.summary().slug(), attachment);
    }

    /** The file fetched from Confluence now. */
    public AttachmentContent content(@Body AttachedFile file) {
        Attachment attachment = file.attachment();
        try {
            return new AttachmentContent(file, confluence.attachment(attachment.downloadUrl(), maxMegabytes * MEGABYTE));
        } catch (ContentTooLargeException tooLarge) {
            throw new ApiException(413, "attachment '" + attachment.fileName() + "' of playbook " + file.slug()
                    + " is larger than the " + maxMegabytes + " MB this service relays (playbooks.attachments.max-mb): "
                    + "open it in Confluence at " + attachment.downloadUrl());
        }
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
