package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /import}: the page to import, whether to re-import an unchanged page (or admit a page detection
 * refuses), and optionally the name of the site that has the page (else every site is asked).
 */
public record ImportRequest(@JsonProperty("page_id") String pageId, @JsonProperty("force_update") boolean forceUpdate,
                            String site) {

    public ImportRequest {
        if (pageId == null || pageId.isBlank()) {
            throw ApiException.badRequest("page_id is required, e.g. {\"page_id\": \"123456789\"}");
        }
    }
}
