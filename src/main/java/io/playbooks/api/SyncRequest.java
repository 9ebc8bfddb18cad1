package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /sync}. {@code max_age_hours} bounds how far back the first sync of a space looks for
 * changed pages when it has no watermark yet (later syncs start from the watermark); left out, config.json's
 * {@code max_age_hours} applies.
 */
public record SyncRequest(@JsonProperty("max_age_hours") Integer maxAgeHours) {

    public SyncRequest {
        if (maxAgeHours != null && maxAgeHours <= 0) {
            throw ApiException.badRequest("max_age_hours must be a positive number of hours, not " + maxAgeHours);
        }
    }

    /** What the schedule and POST /sync/trigger ask for: the settings' max_age_hours. */
    public static SyncRequest scheduled() {
        return new SyncRequest(null);
    }

}
