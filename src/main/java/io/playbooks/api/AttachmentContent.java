package io.playbooks.api;

import io.playbooks.confluence.ReplyBody;
import io.playbooks.page.Attachment;

/**
 * A file attached to a playbook's page, as fetched from Confluence just now.
 *
 * @param playbookId the playbook whose newest content lists the attachment
 * @param attachment its metadata as kept with that version (name, media type, version, download link)
 * @param content    its bytes
 */
public record AttachmentContent(long playbookId, Attachment attachment, ReplyBody content) {

    /** The media type Confluence gave, else the one that claims nothing. */
    public String mediaType() {
        String type = attachment.mediaType();
        return type == null || type.isBlank() ? "application/octet-stream" : type;
    }
}
