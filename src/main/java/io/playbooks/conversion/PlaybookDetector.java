package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a page describes a procedure to carry out. Every signal adds its weight (the weights are all
 * in {@link Signal}); the score is their sum clamped to [0, 1] and a page is a playbook from
 * {@link #THRESHOLD}. Each signal that fired is a human-readable reason.
 */
public final class PlaybookDetector {

    public static final double THRESHOLD = 0.5;

    /** The signals and their weights, in one place. */
    enum Signal {
        PROCEDURE_LABEL(0.30, "label '%s' marks a procedure"),
        PROCEDURE_TITLE(0.20, "title word '%s' names an operation"),
        ORDERED_PROCEDURE(0.20, "%s steps in ordered lists, step tables or task lists"),
        NUMBERED_HEADINGS(0.20, "%s numbered step headings"),
        COMMANDS_IN_STEPS(0.25, "%s steps run a command or an HTTP call"),
        SOME_COMMANDS(0.10, "%s steps run a command or an HTTP call"),
        IMPERATIVE_STEPS(0.15, "%s steps start with an imperative verb"),
        PREREQUISITES_OR_ROLLBACK(0.10, "has %s"),
        NOT_A_PROCEDURE_LABEL(-0.50, "label '%s' marks a page that is not a procedure"),
        NOT_A_PROCEDURE_TITLE(-0.35, "title word '%s' names a page that is not a procedure"),
        NOT_A_PROCEDURE_HEADINGS(-0.30, "headings such as '%s' belong to a page that is not a procedure"),
        NO_STEPS(-0.30, "no steps found%s");

        final double weight;
        final String reason;
        final String shownWeight;

        Signal(double weight, String reason) {
            this.weight = weight;
            this.reason = reason;
            this.shownWeight = String.format(Locale.ROOT, " (%+.2f)", weight);
        }
    }

    private static final List<String> PROCEDURE_LABELS = List.of("runbook", "playbook", "procedure", "how-to",
            "howto", "sop", "troubleshooting", "checklist", "run-book", "operations-guide", "instructions");
    private static final List<String> NOT_A_PROCEDURE_LABELS = List.of("meeting-notes", "meeting", "retrospective",
            "retro", "release-notes", "decision-log", "decision", "requirements", "product-requirements",
            "architecture", "design", "glossary", "contacts", "team", "reference", "api", "api-reference", "policy",
            "postmortem", "post-mortem", "roadmap", "okr", "minutes", "faq");
    /** Title words and two-word phrases that name an operation. */
    private static final Set<String> PROCEDURE_TITLE_WORDS = Set.of("runbook", "run book", "playbook", "procedure",
            "how to", "how-to", "install", "installing", "installation", "deploy", "deploying", "deployment",
            "upgrade", "upgrading", "restore", "restoring", "rotate", "rotating", "rotation", "failover", "fail over",
            "switchover", "troubleshoot", "troubleshooting", "restart", "restarting", "renew", "renewing", "renewal",
            "rollback", "roll back", "recover", "recovery", "recovering", "migrate", "migrating", "migration", "drain",
            "draining", "flush", "flushing", "reindex", "reindexing", "apply", "applying", "rebuild", "reset",
            "patch", "patching", "provision", "provisioning", "setup", "set up", "configure", "configuring", "enable",
            "enabling", "disable", "disabling", "increase", "increasing", "decrease", "decreasing", "scale",
            "scaling", "checklist", "sop", "backup", "back up", "runbooks", "procedures", "playbooks", "roll out", "rollout",
            "cutover", "cut over", "decommission", "decommissioning", "maintenance", "downgrade", "cleanup", "clean up", "create", "creating", "add",
            "adding", "remove", "removing", "replace", "replacing", "change", "resize", "resizing", "fix", "fixing",
            "resolve", "resolving", "handle", "handling", "respond to", "onboarding", "offboarding");
    /** Title words and two-word phrases that name a page that is not a procedure. */
    private static final Set<String> NOT_A_PROCEDURE_TITLE_WORDS = Set.of("meeting", "minutes", "retrospective",
            "retro", "release notes", "changelog", "decision log", "decision record", "adr", "requirements",
            "architecture", "design", "glossary", "contacts", "reference", "policy", "postmortem", "post-mortem",
            "roadmap", "overview", "severity levels", "faq", "okr", "okrs", "agenda");
    private static final List<String> NOT_A_PROCEDURE_HEADINGS = List.of("participants", "attendees", "agenda",
            "discussion", "action items", "what went well", "what did not go well", "what didn't go well",
            "lessons learned", "decision", "user stories", "user interaction", "goals", "background and strategic fit",
            "not doing", "endpoints", "error codes", "changes", "fixes", "known issues", "new features", "bug fixes",
            "deprecations", "alternatives", "consequences", "terms");
    private static final Set<String> IMPERATIVE_VERBS = Set.of("add", "allow", "announce", "apply", "approve", "ask",
            "attach", "back", "build", "call", "capture", "carry", "change", "check", "choose", "clean", "clear",
            "click", "close", "compare", "configure", "confirm", "connect", "contact", "copy", "cordon", "count",
            "create", "deactivate", "decrease", "delete", "demote", "deploy", "detach", "determine", "downgrade", "drop", "disable", "download", "drain", "edit",
            "enable", "ensure", "enter", "escalate", "execute", "export", "extract", "fail", "fetch", "fill", "find",
            "flush", "follow", "force", "free", "gather", "generate", "get", "go", "grant", "identify", "investigate", "import", "increase", "inform", "initialise",
            "initialize", "inspect", "install", "kill", "launch", "list", "load", "locate", "lock", "log", "login",
            "look", "make", "mark", "merge", "migrate", "modify", "monitor", "mount", "move", "navigate", "note",
            "notify", "open", "page", "paste", "pause", "ping", "plan", "poll", "post", "prepare", "promote",
            "provision", "prune", "pull", "purge", "push", "query", "raise", "re-enable", "re-queue", "read", "reboot", "rebuild",
            "record", "reduce", "refresh", "register", "reindex", "reload", "remove", "rename", "renew", "repeat", "replace",
            "request", "reset", "resize", "restart", "restore", "resume", "retry", "revert", "review", "revoke",
            "roll", "rollback", "rotate", "run", "save", "scale", "schedule", "see", "select", "send", "set", "shorten", "shut",
            "sign", "ssh", "start", "stop", "store", "submit", "switch", "sync", "tag", "take", "tell", "terminate",
            "test", "tick", "trigger", "turn", "type", "uncordon", "uninstall", "unlock", "unmount", "unpack",
            "update", "upgrade", "upload", "use", "validate", "verify", "wait", "watch", "write");

    /** Scores a page from its labels, title and the structure the extractor found. */
    Detection detect(SourcePage page, Extraction extraction) {
        List<String> reasons = new ArrayList<>();
        double score = 0;
        score += labelSignal(page.labels(), PROCEDURE_LABELS, Signal.PROCEDURE_LABEL, true, reasons);
        score += labelSignal(page.labels(), NOT_A_PROCEDURE_LABELS, Signal.NOT_A_PROCEDURE_LABEL, false, reasons);
        List<String> titleWords = words(page.title() == null ? "" : page.title());
        score += titleSignal(titleWords, PROCEDURE_TITLE_WORDS, Signal.PROCEDURE_TITLE, reasons);
        score += titleSignal(titleWords, NOT_A_PROCEDURE_TITLE_WORDS, Signal.NOT_A_PROCEDURE_TITLE, reasons);
        score += structure(extraction, reasons);
        if (reasons.isEmpty()) {
            reasons.add("no signal of a procedure: no procedure label or title word, too few steps, no commands");
        }
        double clamped = Math.max(0, Math.min(1, score));
        double rounded = Math.round(clamped * 100) / 100.0;
        return new Detection(rounded >= THRESHOLD, rounded, reasons);
    }

    private static double structure(Extraction extraction, List<String> reasons) {
        double score = 0;
        Optional<String> notAProcedure = firstMatch(extraction.headings(), NOT_A_PROCEDURE_HEADINGS);
        if (notAProcedure.isPresent()) {
            score += fire(Signal.NOT_A_PROCEDURE_HEADINGS, notAProcedure.get(), reasons);
        }
        if (extraction.listedSteps() >= 2) {
            score += fire(Signal.ORDERED_PROCEDURE, String.valueOf(extraction.listedSteps()), reasons);
        }
        if (extraction.numberedHeadings() >= 2) {
            score += fire(Signal.NUMBERED_HEADINGS, String.valueOf(extraction.numberedHeadings()), reasons);
        }
        List<Step> steps = extraction.steps();
        if (steps.isEmpty()) {
            return score + fire(Signal.NO_STEPS, "", reasons);
        }
        long acting = steps.stream().filter(step -> !Step.NOOP.equals(step.action())).count();
        String actingShare = acting + " of " + steps.size();
        if (acting > 0 && acting * 3 >= steps.size()) {
            score += fire(Signal.COMMANDS_IN_STEPS, actingShare, reasons);
        } else if (acting > 0) {
            score += fire(Signal.SOME_COMMANDS, actingShare, reasons);
        }
        long imperative = steps.stream().filter(PlaybookDetector::isImperative).count();
        if (imperative * 2 >= steps.size()) {
            score += fire(Signal.IMPERATIVE_STEPS, imperative + " of " + steps.size(), reasons);
        }
        List<String> around = new ArrayList<>();
        if (!extraction.prerequisites().isEmpty()) {
            around.add("prerequisites");
        }
        if (!extraction.rollback().isEmpty()) {
            around.add("a rollback section");
        }
        if (!around.isEmpty()) {
            score += fire(Signal.PREREQUISITES_OR_ROLLBACK, String.join(" and ", around), reasons);
        }
        return score;
    }

    /** A step whose name or text starts with an imperative verb, or with its own command ("sudo systemctl ..."). */
    private static boolean isImperative(Step step) {
        String text = step.description() == null ? step.name() : step.description();
        if (startsWithVerb(step.name()) || startsWithVerb(text)) {
            return true;
        }
        if (!step.action().equals(Step.SHELL)) {
            return false;
        }
        String command = String.valueOf(step.args().get("command"));
        int newline = command.indexOf('\n');
        return text.startsWith(newline < 0 ? command : command.substring(0, newline));
    }

    private static boolean startsWithVerb(String text) {
        int end = 0;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return IMPERATIVE_VERBS.contains(text.substring(0, end).toLowerCase(Locale.ROOT));
    }

    private static Optional<String> firstMatch(List<String> headings, List<String> starts) {
        for (String heading : headings) {
            String lower = heading.toLowerCase(Locale.ROOT);
            for (String start : starts) {
                if (lower.startsWith(start)) {
                    return Optional.of(heading);
                }
            }
        }
        return Optional.empty();
    }

    /** Procedure labels also count inside compound labels ("kb-how-to-article"); the others only as written. */
    private static double labelSignal(List<String> labels, List<String> known, Signal signal, boolean compound,
                                      List<String> reasons) {
        for (String label : labels) {
            String lower = label.toLowerCase(Locale.ROOT);
            for (String word : known) {
                if (lower.equals(word) || (compound && ("-" + lower + "-").contains("-" + word + "-"))) {
                    return fire(signal, label, reasons);
                }
            }
        }
        return 0;
    }

    /** The first title word or two-word phrase in the set fires the signal. */
    private static double titleSignal(List<String> words, Set<String> known, Signal signal, List<String> reasons) {
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size() && known.contains(words.get(i) + " " + words.get(i + 1))) {
                return fire(signal, words.get(i) + " " + words.get(i + 1), reasons);
            }
            if (known.contains(words.get(i))) {
                return fire(signal, words.get(i), reasons);
            }
        }
        return 0;
    }

    /** Lower-case words of a title: letters, digits and inner hyphens. */
    static List<String> words(String title) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= title.length(); i++) {
            boolean wordChar = i < title.length() && (Character.isLetterOrDigit(title.charAt(i))
                    || (title.charAt(i) == '-' && start >= 0));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(title.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    private static double fire(Signal signal, String detail, List<String> reasons) {
        reasons.add(reason(signal, detail));
        return signal.weight;
    }

    private static String reason(Signal signal, String detail) {
        return signal.reason.replace("%s", detail) + signal.shownWeight;
    }
}
