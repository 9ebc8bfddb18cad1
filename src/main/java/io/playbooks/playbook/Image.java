package io.playbooks.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A picture a step shows: an attachment of the page (filename) or an external url. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"filename", "url", "alt"})
public record Image(String filename, String url, String alt) {
}
