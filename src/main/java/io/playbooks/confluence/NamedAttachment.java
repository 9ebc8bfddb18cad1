package io.playbooks.confluence;

/** An attachment found by file name: the page that holds it and its file name, as Confluence spells them. */
public record NamedAttachment(String pageId, String pageTitle, String fileName) {
}
