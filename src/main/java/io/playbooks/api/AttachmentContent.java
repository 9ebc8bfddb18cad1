package io.playbooks.api;

import io.playbooks.confluence.ReplyBody;

/**
 * A file attached to a playbook's page, as fetched from Confluence just now.
 *
 * @param file    what the playbook keeps of it
 * @param content its bytes
 */
public record AttachmentContent(AttachedFile file, ReplyBody content) {
}
