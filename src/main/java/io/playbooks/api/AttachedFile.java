package io.playbooks.api;

import io.playbooks.page.Attachment;

/**
 * A file attached to a playbook's page, as its metadata was kept with the playbook's newest content.
 *
 * @param playbookId the playbook whose newest content lists the attachment
 * @param slug       the playbook's slug, which messages name it by
 * @param attachment its name, media type, version and download link
 */
public record AttachedFile(long playbookId, String slug, Attachment attachment) {

    /** The media type Confluence gave, else the one that claims nothing. */
    public String mediaType() {
        String type = attachment.mediaType();
        return type == null || type.isBlank() ? "application/octet-stream" : type;
    }
}
