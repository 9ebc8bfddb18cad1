package io.playbooks.broadcast;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An event of the log as readers get it: its id (the cursor to go on from), when it was logged, and the event. */
@JsonPropertyOrder({"id", "created_at"})
public record EventEntry(long id, @JsonProperty("created_at") String createdAt, @JsonUnwrapped PlaybookEvent event) {
}
