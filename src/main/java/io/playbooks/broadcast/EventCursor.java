package io.playbooks.broadcast;

import io.playbooks.api.ApiException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a reader of the event log goes on from: after an event id ({@code 42}, what a reader got last), or from a
 * time ({@code 2026-11-27T15:00:00Z}); none means "the latest events".
 */
public record EventCursor(Long afterId, Instant since) {

    static final EventCursor LATEST = new EventCursor(null, null);

    public static EventCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return LATEST;
        }
        String value = text.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return new EventCursor(Long.parseLong(value), null);
            } catch (NumberFormatException tooLong) {
                throw invalid(value);
            }
        }
        try {
            return new EventCursor(null, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notATime) {
            throw invalid(value);
        }
    }

    private static ApiException invalid(String value) {
        return ApiException.badRequest("since must be an event id (e.g. 42) or an ISO-8601 time with offset "
                + "(e.g. 2026-11-27T15:00:00Z), got '" + value + "'");
    }
}
