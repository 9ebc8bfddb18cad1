package io.playbooks.conversion;

import io.playbooks.playbook.Step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's action: http_request when its command is one HTTP call, shell when it has commands, else noop.
 *
 * @param type shell | http_request | noop
 * @param args shell: {command}; http_request: {url, method, headers?, body?}; noop: {message}
 */
record Action(String type, Map<String, Object> args) {

    static Action of(List<String> commands, String message) {
        if (commands.isEmpty()) {
            return new Action(Step.NOOP, single("message", message));
        }
        String command = String.join("\n", commands);
        return HttpCall.of(command)
                .map(call -> new Action(Step.HTTP_REQUEST, call.args()))
                .orElseGet(() -> new Action(Step.SHELL, single("command", command)));
    }

    private static Map<String, Object> single(String key, String value) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(key, value);
        return args;
    }
}
