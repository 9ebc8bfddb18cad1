package io.playbooks.broadcast;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One page of the event log, oldest first. {@code next_since} is the cursor of the next call (the last id given, or
 * the cursor itself when nothing is new); {@code has_more} says that more events wait after this page.
 */
public record EventPage(List<EventEntry> events, @JsonProperty("next_since") long nextSince,
                        @JsonProperty("has_more") boolean hasMore) {
}
