package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every failed API call: {@code {"error": "...", "status": 404, "type": "not_found"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, int status, String type) {
}
