package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /import}: the page to import and whether to re-import an unchanged page. */
public record ImportRequest(@JsonProperty("page_id") String pageId, @JsonProperty("force_update") boolean forceUpdate) {

    public ImportRequest {
        if (pageId == null || pageId.isBlank()) {
            throw new IllegalArgumentException("page_id is required, e.g. {\"page_id\": \"123456789\"}");
        }
    }
}
