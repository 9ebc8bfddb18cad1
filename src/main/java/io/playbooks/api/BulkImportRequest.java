package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /bulk-import}. */
public record BulkImportRequest(@JsonProperty("space_key") String spaceKey,
                                @JsonProperty("force_update") boolean forceUpdate) {

    /** The longest key the store keeps (Confluence's own keys are far shorter). */
    static final int LONGEST_KEY = 255;

    public BulkImportRequest {
        if (spaceKey == null || spaceKey.isBlank()) {
            throw ApiException.badRequest("space_key is required, e.g. {\"space_key\": \"OPS\"}");
        }
        if (spaceKey.length() > LONGEST_KEY) {
            throw ApiException.badRequest("space_key is a Confluence space key of at most " + LONGEST_KEY
                    + " characters, not one of " + spaceKey.length());
        }
    }
}
