package io.playbooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every failed API call: {@code {"error": "...", "status": 404, "type": "not_found"}}. A message
 * that quotes a huge input back ("no playbook with id or slug 'aaaa...'" for a 100 KB argument) is cut after
 * {@value #LONGEST} characters, saying how much was left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, int status, String type) {

    static final int LONGEST = 1000;

    public ApiError {
        if (error != null && error.length() > LONGEST) {
            error = error.substring(0, LONGEST) + "... (" + (error.length() - LONGEST) + " more characters)";
        }
    }
}
