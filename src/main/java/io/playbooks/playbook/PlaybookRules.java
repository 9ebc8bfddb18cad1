package io.playbooks.playbook;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A quick check, on the records, that a playbook certainly satisfies {@code playbook.schema.json}. Validating every
 * converted page against the schema costs more than extracting its steps (a JSON tree, then the schema's if/then
 * rules on every step); this check costs a walk over the records. It is deliberately as strict as the schema or
 * stricter: when it says no, {@link PlaybookSchema} still has the last word and gives the readable problems, so a
 * stricter rule here only costs time, never changes a verdict. The schema stays the specification.
 */
public final class PlaybookRules {

    private static final Pattern STEP_ID = Pattern.compile("[a-z]+_[0-9][0-9_]*");
    private static final Pattern CONTENT_HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    /** The schema's method pattern: a method name in capitals, or a parameter. */
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_-]*|\\$\\{[A-Za-z_][A-Za-z0-9_]*}");

    private PlaybookRules() {
    }

    /** @return true only when the playbook, written as JSON, is valid against the schema */
    public static boolean certainlyValid(Playbook playbook) {
        return playbook.version() == 1
                && filled(playbook.name())
                && filled(playbook.category())
                && all(playbook.parameters(), parameter -> filled(parameter.name()))
                && all(playbook.prerequisites(), p -> filled(p.type()) && filled(p.description()))
                && !playbook.steps().isEmpty()
                && allValid(playbook.steps())
                && allValid(playbook.rollback())
                && valid(playbook.metadata());
    }

    private static boolean allValid(List<Step> steps) {
        return all(steps, PlaybookRules::valid);
    }

    /** {@code items.stream().allMatch(rule)} without the stream: this runs for every part of every playbook. */
    private static <T> boolean all(List<T> items, Predicate<T> rule) {
        for (T item : items) {
            if (!rule.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(Step step) {
        return step.id() != null && STEP_ID.matcher(step.id()).matches()
                && filled(step.name())
                && step.args() != null && !step.args().isEmpty() && validArgs(step.action(), step.args())
                && all(step.snippets(), s -> s.language() != null && s.code() != null)
                && all(step.images(), image -> filled(image.filename()) || filled(image.url()))
                && allValid(step.substeps());
    }

    private static boolean validArgs(String action, Map<String, Object> args) {
        if (Step.SHELL.equals(action)) {
            return args.get("command") instanceof String command && !command.isEmpty();
        }
        if (Step.HTTP_REQUEST.equals(action)) {
            return args.get("url") instanceof String url && !url.isEmpty()
                    && args.get("method") instanceof String method && METHOD.matcher(method).matches()
                    && (!args.containsKey("headers") || textOnly(args.get("headers")))
                    && textIfGiven(args, "body") && textIfGiven(args, "user") && textIfGiven(args, "query")
                    && textIfGiven(args, "output")
                    && (!args.containsKey("headers_only") || args.get("headers_only") instanceof Boolean);
        }
        if (Step.NOOP.equals(action)) {
            return args.get("message") instanceof String;
        }
        return false;
    }

    private static boolean textIfGiven(Map<String, Object> args, String key) {
        return !args.containsKey(key) || args.get(key) instanceof String;
    }

    private static boolean textOnly(Object headers) {
        if (!(headers instanceof Map<?, ?> map)) {
            return false;
        }
        for (Map.Entry<?, ?> header : map.entrySet()) {
            if (!(header.getKey() instanceof String) || !(header.getValue() instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(PlaybookMetadata metadata) {
        return metadata != null
                && "confluence".equals(metadata.source())
                && filled(metadata.confluencePageId())
                && metadata.confluenceVersion() >= 1
                && (metadata.contentHash() == null || CONTENT_HASH.matcher(metadata.contentHash()).matches())
                && metadata.detectionScore() >= 0 && metadata.detectionScore() <= 1;
    }

    private static boolean filled(String value) {
        return value != null && !value.isEmpty();
    }
}
