package io.playbooks.page;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Metadata of a page attachment; its content is fetched only on demand. */
public record Attachment(String id,
                         @JsonProperty("file_name") String fileName,
                         @JsonProperty("media_type") String mediaType,
                         int version,
                         @JsonProperty("download_url") String downloadUrl) {
}
