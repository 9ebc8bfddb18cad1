package io.playbooks.page;

/** Metadata of a page attachment; its content is fetched only on demand. */
public record Attachment(String id, String fileName, String mediaType, int version, String downloadUrl) {
}
