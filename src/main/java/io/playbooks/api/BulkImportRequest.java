package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /bulk-import}. */
public record BulkImportRequest(@JsonProperty("space_key") String spaceKey,
                                @JsonProperty("force_update") boolean forceUpdate) {

    public BulkImportRequest {
        if (spaceKey == null || spaceKey.isBlank()) {
            throw ApiException.badRequest("space_key is required, e.g. {\"space_key\": \"OPS\"}");
        }
    }
}
