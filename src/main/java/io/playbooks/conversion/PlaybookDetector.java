package io.playbooks.conversion;

import io.playbooks.page.SourcePage;
import io.playbooks.playbook.Step;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a page describes a procedure to carry out. Every signal adds the weight its
 * {@link DetectionProfile} gives it; the score is their sum clamped to [0, 1] and a page is a playbook from the
 * profile's threshold. Each signal that fired is a human-readable reason with its weight.
 */
public final class PlaybookDetector {

    /**
     * Words of labels and titles that mark pages of other kinds but also name what a procedure works on ("api",
     * "Architecture docs site: rebuild and publish"): they do not count against a page whose steps run commands.
     */
    private static final Set<String> TOPIC_WORDS = Set.of("api", "team", "architecture", "design", "policy");
    /** Two title words that name a thing, not a kind of page: a "Meeting room display" is no meeting. */
    private static final Set<String> THINGS = Set.of("meeting room", "meeting rooms");
    private static final Set<String> PROCEDURE_PAGES_IN_LABELS = Set.of("runbook", "runbooks", "playbook", "how-to",
            "howto", "sop", "procedure", "troubleshooting", "checklist", "kb");
    private static final Set<String> OTHER_KINDS_IN_LABELS = Set.of("index", "template", "list", "overview",
            "review", "notes");
    /** The words that follow the verb of an instruction: "Give a team ...", "Move the server ...". */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "your", "our", "all", "every", "each",
            "new", "old");
    /** Words that open a clause's subject: "the CI job runs ...", "it pushes ...". */
    private static final Set<String> SUBJECT_WORDS = Set.of("the", "a", "an", "our", "its", "their", "it", "we", "they",
            "this", "these");
    /** The last word of a title that says what kind of page it is: a procedure. */
    private static final Set<String> PROCEDURE_PAGE_NOUNS = Set.of("checklist", "runbook", "playbook", "procedure",
            "sop");
    private static final Set<String> NOT_INSTRUCTING_VERBS = Set.of("read", "watch", "see", "use", "review", "make",
            "keep", "note", "go", "look", "save", "meet", "follow");

    /** Words that open a clause before a step's verb ("If it is still stopping, force the stop"). */
    private static final Set<String> CLAUSE_OPENERS = Set.of("in", "on", "from", "once", "if", "when", "after",
            "before", "then", "next", "finally", "now", "using", "via", "within", "at", "while", "for", "to", "as");
    /** The longest label before a step's instruction: "Unused permission sets: raise a ticket ...". */
    private static final int LABEL_WORDS = 4;
    private static final int LABEL_CHARS = 40;
    /** The fewest steps of a list of instructions ({@link Signal#LONG_IMPERATIVE_LIST}). */
    private static final int LONG_LIST = 5;
    /** How far into a step's text the comma that ends an opening clause may come. */
    private static final int OPENING_CLAUSE_CHARS = 80;

    /** The signals and the reasons they give; their weights are in the {@link DetectionProfile}. */
    enum Signal {
        PROCEDURE_LABEL("label '%s' marks a procedure"),
        PROCEDURE_TITLE("title word '%s' names an operation"),
        INSTRUCTION_TITLE("title '%s' is an instruction"),
        PROCEDURE_HEADINGS("headings such as '%s' belong to a procedure"),
        ORDERED_PROCEDURE("%s steps in ordered lists, step tables or task lists"),
        NUMBERED_HEADINGS("%s numbered step headings"),
        COMMANDS_IN_STEPS("%s steps run a command or an HTTP call"),
        SOME_COMMANDS("%s steps run a command or an HTTP call"),
        IMPERATIVE_STEPS("%s steps start with an imperative verb"),
        LONG_IMPERATIVE_LIST("%s steps, mostly instructions, beside a procedure heading: a manual procedure"),
        PAST_TENSE_STEPS("%s steps say what was done, in the past tense: a record of work done"),
        PREREQUISITES_OR_ROLLBACK("has %s"),
        NOT_A_PROCEDURE_LABEL("label '%s' marks a page that is not a procedure"),
        NOT_A_PROCEDURE_TITLE("title word '%s' names a page that is not a procedure"),
        NOT_A_PROCEDURE_HEADINGS("headings such as '%s' belong to a page that is not a procedure"),
        NO_STEPS("no steps found%s");

        final String reason;

        Signal(String reason) {
            this.reason = reason;
        }
    }

    /** A manual step whose whole text stands for what is missing: "TODO", "TBD". */
    private static boolean isStillToBeWritten(Step step) {
        return Step.NOOP.equals(step.action()) && step.substeps().isEmpty() && step.snippets().isEmpty()
                && step.images().isEmpty() && Placeholders.saysNothing(step.name());
    }

    /** Scores a page from its labels, title and the structure the extractor found, with the profile's weights. */
    Detection detect(SourcePage page, Extraction extraction, DetectionProfile profile) {
        StepCounts counts = StepCounts.of(extraction.steps(), extraction.headingSteps(), profile.imperativeVerbs());
        List<String> procedureLabel = new ArrayList<>();
        double score = labelSignal(page.labels(), profile.labels().procedure(), Signal.PROCEDURE_LABEL, true, Set.of(),
                false, procedureLabel);
        List<String> titleWords = words(page.title() == null ? "" : page.title());
        List<String> operationTitle = new ArrayList<>();
        double operation = titleSignal(titleWords, profile.titleWords().procedure(), Signal.PROCEDURE_TITLE, Set.of(),
                operationTitle);
        boolean instructionTitle = isAnInstruction(titleWords, profile.imperativeVerbs());
        if (operation == 0 && instructionTitle) {
            operation = fire(Signal.INSTRUCTION_TITLE, strongest(profile.titleWords().procedure()), page.title(), operationTitle);
        }
        List<String> headingReasons = new ArrayList<>();
        double otherKind = notAProcedureHeadings(extraction.headings(), profile.headings().notAProcedure(), headingReasons);
        // "Steps" over a list that neither acts nor instructs ("The build job compiles the service") describes
        boolean instructs = counts.acting() > 0 || counts.imperative() * 2 >= counts.steps();
        double procedureHeading = !instructs ? 0 : headingSignal(extraction.headings(), profile.headings().procedure(),
                profile.headings().notAProcedure(), Signal.PROCEDURE_HEADINGS, headingReasons);
        // "Architecture docs site: rebuild and publish", labels [api, runbook]: a topic word names what a procedure of
        // commands works on, when something beside the steps says procedure and nothing says another kind of page
        boolean saysProcedure = score > 0 || operation > 0 || procedureHeading > 0;
        // a page labelled a procedure whose steps mostly run commands or calls ("Check | Request" rows) is one too
        boolean labelledAndActing = score > 0 && counts.acting() * 2 > counts.steps();
        Set<String> topics = (counts.ofCommandsInTheImperative() && saysProcedure || labelledAndActing) && otherKind == 0
                ? TOPIC_WORDS : Set.of();
        // "Restore Jenkins from the nightly backup" labelled meeting-notes: a title that is an instruction (or a
        // procedure label, or an operation in the title over a procedure heading) and steps of commands in the
        // imperative outweigh a label of another kind of page; an operation word alone does not ("How the deploy
        // pipeline works")
        boolean titleInstructs = instructionTitle || !titleWords.isEmpty()
                && profile.imperativeVerbs().contains(titleWords.get(0)) && !NOT_INSTRUCTING_VERBS.contains(titleWords.get(0));
        boolean procedureNamed = operation > 0 && procedureHeading > 0; // "Helm release rollback" over "Steps"
        boolean mislabelled = (score > 0 || titleInstructs || procedureNamed) && counts.ofCommandsInTheImperative()
                && otherKind == 0;
        List<String> reasons = new ArrayList<>(procedureLabel);
        score += labelSignal(page.labels(), profile.labels().notAProcedure(), Signal.NOT_A_PROCEDURE_LABEL, false,
                topics, mislabelled, reasons);
        reasons.addAll(operationTitle);
        score += operation;
        // "Apply the new policy to the firewall", "Purge the change log table": after a verb that instructs, the
        // title's nouns name what the procedure works on, not another kind of page; so after "How to" ("How to write
        // up a postmortem") and before a last word that names a procedure ("Weekly on-call handover checklist"), when
        // the steps instruct (a "sign-off checklist" of approvals given does not)
        boolean framedAsAProcedure = namesAProcedureAround(titleWords) && counts.imperative() * 2 >= counts.steps();
        if (!instructionTitle && !framedAsAProcedure) {
            score += titleSignal(titleWords, profile.titleWords().notAProcedure(), Signal.NOT_A_PROCEDURE_TITLE, topics,
                    reasons);
        }
        reasons.addAll(headingReasons);
        score += otherKind + procedureHeading + structure(extraction, counts, instructs, procedureHeading > 0, profile,
                reasons);
        if (reasons.isEmpty()) {
            reasons.add("no signal of a procedure: no procedure label or title word, too few steps, no commands");
        }
        double clamped = Math.max(0, Math.min(1, score));
        double rounded = Math.round(clamped * 100) / 100.0;
        boolean playbook = rounded >= profile.threshold();
        if (!playbook) {
            // the signals that fired may all be for a procedure: say why they were not enough
            reasons.add("score " + twoPlaces(rounded) + " is below the " + twoPlaces(profile.threshold())
                    + " a playbook needs");
        }
        return new Detection(playbook, rounded, reasons);
    }

    private static double structure(Extraction extraction, StepCounts counts, boolean instructs,
                                    boolean underAProcedureHeading, DetectionProfile profile, List<String> reasons) {
        DetectionProfile.StructureWeights weights = profile.structure();
        double score = 0;
        // list items that only link to other pages are an index, not a procedure, unless a heading names them the
        // procedure: a runbook that has the reader carry out other runbooks ("Procedure": 1. EKS runbook, 2. ...)
        boolean procedureNamed = extraction.headings().stream().anyMatch(SectionKind::namesTheProcedure);
        int linkOnly = procedureNamed ? 0 : extraction.linkOnlySteps();
        int listed = extraction.listedSteps() - linkOnly;
        if (listed >= 2) {
            score += fire(Signal.ORDERED_PROCEDURE, weights.orderedProcedure(), String.valueOf(listed), reasons);
        }
        // numbered sections that name topics ("1. Topology", "2. Zone loss") are no steps to take
        List<Step> headingSteps = extraction.headingSteps();
        long actionable = headingSteps.stream().filter(step -> acts(step)
                || isImperative(step, profile.imperativeVerbs())).count();
        if (headingSteps.size() >= 2 && actionable * 2 >= headingSteps.size()) {
            score += fire(Signal.NUMBERED_HEADINGS, weights.numberedHeadings(), String.valueOf(headingSteps.size()),
                    reasons);
        }
        List<Step> steps = extraction.steps();
        if (steps.isEmpty()) {
            return score + fire(Signal.NO_STEPS, weights.noSteps(), "", reasons);
        }
        if (steps.stream().allMatch(PlaybookDetector::isStillToBeWritten)) {
            return score + fire(Signal.NO_STEPS, weights.noSteps(), ": every step is still to be written (TODO, TBD)", reasons);
        }
        if (linkOnly * 2 >= steps.size()) {
            return score + fire(Signal.NO_STEPS, weights.noSteps(), ": " + linkOnly + " of "
                    + steps.size() + " list items only link to other pages, an index of pages", reasons);
        }
        int acting = counts.acting();
        int imperative = counts.imperative();
        String actingShare = acting + " of " + steps.size();
        if (acting > 0 && acting * 3 >= steps.size()) {
            score += fire(Signal.COMMANDS_IN_STEPS, weights.commandsInSteps(), actingShare, reasons);
        } else if (acting > 0) {
            score += fire(Signal.SOME_COMMANDS, weights.someCommands(), actingShare, reasons);
        }
        if (imperative * 2 >= steps.size()) {
            score += fire(Signal.IMPERATIVE_STEPS, weights.imperativeSteps(), imperative + " of " + steps.size(), reasons);
        }
        // "Stopped broker 1 at 10:04: sudo systemctl stop kafka": a change record quotes the commands it ran
        int past = counts.pastTense();
        if (steps.size() >= 2 && past * 2 >= steps.size() && past > imperative) {
            score += fire(Signal.PAST_TENSE_STEPS, weights.pastTenseSteps(), past + " of " + steps.size(), reasons);
        }
        // five steps or more under "Procedure", two in three of them instructions: a manual procedure, where an
        // announcement's or a status page's "What to do" gives three or four pieces of advice; without such a heading
        // a long list of imperatives is as often a welcome page or team norms
        if (underAProcedureHeading && steps.size() >= LONG_LIST && imperative * 3 >= steps.size() * 2) {
            score += fire(Signal.LONG_IMPERATIVE_LIST, weights.longImperativeList(), String.valueOf(steps.size()), reasons);
        }
        List<String> around = new ArrayList<>();
        if (!extraction.prerequisites().isEmpty()) {
            around.add("prerequisites");
        }
        if (!extraction.rollback().isEmpty()) {
            around.add("a rollback section");
        }
        // "What you need" over a timeline of what others will do ("22:15 The replica is upgraded") is no procedure's
        if (!around.isEmpty() && instructs) {
            score += fire(Signal.PREREQUISITES_OR_ROLLBACK, weights.prerequisitesOrRollback(),
                    String.join(" and ", around), reasons);
        }
        return score;
    }

    /** The steps, and how many of them act, start with an imperative verb, or with a verb in the past tense. */
    private record StepCounts(int steps, int acting, int imperative, int pastTense, int instructingInWords) {

        /** @param headingSteps the steps of numbered headings, whose names were never followed by a colon */
        static StepCounts of(List<Step> steps, List<Step> headingSteps, Set<String> verbs) {
            Set<Step> headed = Collections.newSetFromMap(new IdentityHashMap<>());
            headed.addAll(headingSteps);
            int acting = 0;
            int imperative = 0;
            int pastTense = 0;
            int instructingInWords = 0;
            for (Step step : steps) {
                // "Build: the CI job runs make build": the command is what the stage runs, not what the reader does
                acting += acts(step) && !namesAStageItDescribes(fullText(step)) ? 1 : 0;
                boolean instructs = isImperative(step, verbs);
                imperative += instructs ? 1 : 0;
                instructingInWords += instructs && !isAStageName(step, verbs) ? 1 : 0;
                pastTense += saysWhatWasDone(step, headed.contains(step), verbs) ? 1 : 0;
            }
            return new StepCounts(steps.size(), acting, imperative, pastTense, instructingInWords);
        }

        /**
         * Two steps or more, half of them running commands and half of them instructing in words of their own, not by
         * a stage's name alone ("Build: {@code docker build} with BuildKit cache"): what outweighs a label of another kind.
         */
        boolean ofCommandsInTheImperative() {
            return steps >= 2 && acting * 2 >= steps && instructingInWords * 2 >= steps;
        }
    }

    /** A step that runs a command or an HTTP call, itself or in its substeps ("1. Preparation" of "Step 1: Export"). */
    private static boolean acts(Step step) {
        return !Step.NOOP.equals(step.action()) || step.substeps().stream().anyMatch(PlaybookDetector::acts);
    }

    /**
     * A step whose name or text starts with an imperative verb, or with its own command ("sudo systemctl ..."), or
     * whose substeps mostly do.
     */
    private static boolean isImperative(Step step, Set<String> verbs) {
        boolean stageName = namesAStageItDescribes(fullText(step));
        if (startsWithVerb(step.name(), verbs) && !stageName) {
            return true; // most steps: their own name says it
        }
        List<Step> substeps = step.substeps();
        if (!substeps.isEmpty() && substeps.stream().filter(substep -> isImperative(substep, verbs)).count() * 2
                >= substeps.size()) {
            return true;
        }
        String text = step.description() == null ? step.name() : step.description();
        if (!stageName && startsWithVerb(text, verbs) || afterALabel(fullText(step), verbs) != null) {
            return true;
        }
        if (!step.action().equals(Step.SHELL)) {
            return false;
        }
        String command = String.valueOf(step.args().get("command"));
        int newline = command.indexOf('\n');
        return text.startsWith(newline < 0 ? command : command.substring(0, newline));
    }

    /**
     * A step that starts with a verb in the past tense ("Stopped broker 1 at 10:04"), not with a short label before
     * its instruction ("Detached volumes: list them ...", "Scheduled DAGs: pause them") or its command ("Evicted pods:
     * kubectl delete pods ...": a label names things, no broker 1 or 10:04).
     */
    private static boolean saysWhatWasDone(Step step, boolean namedByAHeading, Set<String> verbs) {
        if (!PastTense.is(firstWord(step.name(), 0), verbs)) {
            return false;
        }
        return afterALabel(fullText(step), verbs) == null && !(acts(step) && !namedByAHeading && isALabel(step.name()));
    }

    /**
     * A few words that name things, without digits or a determiner: "Evicted pods", "Locked service account", not
     * "Stopped broker 1" or "Installed the package".
     */
    private static boolean isALabel(String name) {
        if (name.length() > LABEL_CHARS || name.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        String[] words = name.toLowerCase(Locale.ROOT).split(" ");
        return words.length <= LABEL_WORDS && Arrays.stream(words).noneMatch(DETERMINERS::contains);
    }

    /**
     * "Build: the CI job runs make build", "Verify: it queries Prometheus": a stage's one-word name, then what happens
     * in it, told of its own subject; the name's verb instructs nobody.
     */
    private static boolean namesAStageItDescribes(String text) {
        int colon = text.indexOf(": ");
        if (colon <= 0 || text.lastIndexOf(' ', colon - 1) >= 0) {
            return false;
        }
        String after = firstWord(text, colon + 2);
        return SUBJECT_WORDS.contains(after);
    }

    /** A step named by one word before a colon, with no instruction after it ("Build: {@code docker build} ..."). */
    private static boolean isAStageName(Step step, Set<String> verbs) {
        return step.name() != null && step.name().indexOf(' ') < 0 && afterALabel(fullText(step), verbs) == null;
    }

    /** "Failed pods: delete them": the instruction after a label of a few words, else null. */
    private static String afterALabel(String text, Set<String> verbs) {
        int colon = text.indexOf(": ");
        if (colon <= 0 || colon > LABEL_CHARS || text.substring(0, colon).split(" ").length > LABEL_WORDS) {
            return null;
        }
        String instruction = text.substring(colon + 2);
        return startsWithVerb(instruction, verbs) ? instruction : null;
    }

    /** What the step says in full: its description, a manual step's message, else its name (cut at a colon). */
    private static String fullText(Step step) {
        if (step.description() != null) {
            return step.description();
        }
        Object message = step.args() == null ? null : step.args().get("message");
        return message instanceof String said ? said : step.name();
    }

    private static boolean startsWithVerb(String text, Set<String> verbs) {
        String first = firstWord(text, 0);
        if (verbs.contains(first)) {
            return true;
        }
        // "In the EC2 console, open the instance", "Once it stopped, start it": the verb follows the opening clause
        int comma = CLAUSE_OPENERS.contains(first) ? text.indexOf(", ") : -1;
        return comma > 0 && comma < OPENING_CLAUSE_CHARS && verbs.contains(firstWord(text, comma + 2));
    }

    private static String firstWord(String text, int from) {
        int end = from;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return text.substring(from, end).toLowerCase(Locale.ROOT);
    }

    /**
     * Headings of pages that are not procedures count when two or more of them are there (Attendees and Action items,
     * Timeline and Lessons learned, Decision and Consequences): one alone ("Decision", "Timeline") also heads a part of
     * many runbooks.
     */
    private static double notAProcedureHeadings(List<String> headings, Map<String, Double> starts, List<String> reasons) {
        List<String> found = new ArrayList<>();
        double weight = 0;
        for (String heading : headings) {
            String lower = heading.toLowerCase(Locale.ROOT);
            for (String start : starts.keySet()) {
                if (lower.startsWith(start)) {
                    if (found.isEmpty()) {
                        weight = starts.get(start);
                    }
                    found.add(heading);
                    break;
                }
            }
        }
        return found.size() < 2 ? 0
                : fire(Signal.NOT_A_PROCEDURE_HEADINGS, weight, String.join("', '", found), reasons);
    }

    /**
     * The first heading that starts with a word of the map, and with none of {@code others}, fires the signal with
     * that word's weight. The maps are unmodifiable: their keys are walked, not their entries, which such a map wraps
     * one by one.
     */
    private static final Set<String> ENDING_PROCEDURE_WORDS = Set.of("procedure", "instructions");

    private static double headingSignal(List<String> headings, Map<String, Double> starts, Map<String, Double> others,
                                        Signal signal, List<String> reasons) {
        for (String heading : headings) {
            String lower = heading.toLowerCase(Locale.ROOT);
            for (String start : starts.keySet()) {
                // "Steps to reproduce" of a bug report is no "Steps" of a procedure
                if (startsWithWords(lower, start) && !startsWithAny(lower, others)) {
                    return fire(signal, starts.get(start), heading, reasons);
                }
            }
            // "Test procedure", "Failover instructions": a short heading that ends with one of these words ("Next
            // steps", "DNS resolution" and "No workaround" name no procedure)
            String last = lastWordOfAShortHeading(lower);
            if (ENDING_PROCEDURE_WORDS.contains(last) && starts.containsKey(last) && !startsWithAny(lower, others)) {
                return fire(signal, starts.get(last), heading, reasons);
            }
        }
        return 0;
    }

    /** The last word of a heading of two or three words, without a closing colon; "" for any other heading. */
    private static String lastWordOfAShortHeading(String lower) {
        String heading = lower.strip();
        if (heading.endsWith(":")) {
            heading = heading.substring(0, heading.length() - 1);
        }
        List<String> words = CommandRecognizer.words(heading);
        return words.size() >= 2 && words.size() <= 3 ? words.get(words.size() - 1) : "";
    }

    private static boolean startsWithAny(String lower, Map<String, Double> starts) {
        for (String start : starts.keySet()) {
            if (startsWithWords(lower, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whole words: "Fixes" in release notes is no "Fix". */
    private static boolean startsWithWords(String lower, String start) {
        return lower.startsWith(start) && (lower.length() == start.length() || !Character.isLetter(lower.charAt(start.length())));
    }

    /**
     * Procedure labels also count inside compound labels ("kb-how-to-article"), unless the label names another kind
     * of page too ("runbook-template"), which then counts against; the others only as written.
     */
    /**
     * @param outweighed whether the page's procedure outweighs the labels found: each is then given as a reason that
     *                   counts nothing, and the next label is looked at
     */
    private static double labelSignal(List<String> labels, Map<String, Double> known, Signal signal, boolean compound,
                                      Set<String> topics, boolean outweighed, List<String> reasons) {
        for (String label : labels) {
            String lower = label.toLowerCase(Locale.ROOT);
            Double asWritten = known.get(lower);
            if (asWritten != null && topics.contains(lower)) {
                topic("label", label, reasons); // another label may still say what the page is
                continue;
            }
            Double weight = asWritten;
            // the parts of a compound label, looked for only in the labels that can have such parts
            boolean partsCount = asWritten == null && lower.indexOf('-') > 0
                    && (compound ? !namesAnotherKind(lower) : namesAProcedurePage(lower));
            for (String key : partsCount ? known.keySet() : Set.<String>of()) {
                if ((compound || OTHER_KINDS_IN_LABELS.contains(key)) && hasPart(lower, key)) {
                    weight = known.get(key);
                    break;
                }
            }
            if (weight != null && outweighed) {
                reasons.add("label '" + label + "' is outweighed: the title or a procedure label, and steps of commands "
                        + "in the imperative, say procedure (+0.00)");
            } else if (weight != null) {
                return fire(signal, weight, label, reasons);
            }
        }
        return 0;
    }

    /** "runbook-template", "how-to-index", not "helm-template" or "search-index": a label of pages about procedures. */
    private static boolean namesAProcedurePage(String label) {
        for (String part : PROCEDURE_PAGES_IN_LABELS) {
            if (hasPart(label, part)) {
                return true;
            }
        }
        return false;
    }

    /** "runbook-index", "runbook-template": a compound label that also names a kind of page other than a procedure. */
    private static boolean namesAnotherKind(String label) {
        for (String part : OTHER_KINDS_IN_LABELS) {
            if (hasPart(label, part)) {
                return true;
            }
        }
        return false;
    }

    private static void topic(String where, String word, List<String> reasons) {
        reasons.add(where + " '" + word + "' names what the steps work on: they run commands, in the imperative (+0.00)");
    }

    /**
     * Whether {@code part} is one or more whole hyphen-separated parts of {@code label} ("how-to" in
     * "kb-how-to-article"): {@code ("-" + label + "-").contains("-" + part + "-")} without building both strings for
     * every label and word.
     */
    static boolean hasPart(String label, String part) {
        for (int at = label.indexOf(part); at >= 0; at = at < label.length() ? label.indexOf(part, at + 1) : -1) {
            int end = at + part.length();
            if ((at == 0 || label.charAt(at - 1) == '-') && (end == label.length() || label.charAt(end) == '-')) {
                return true;
            }
        }
        return false;
    }

    /** The first title word or two-word phrase in the map fires the signal with its weight. */
    private static double titleSignal(List<String> words, Map<String, Double> known, Signal signal, Set<String> topics,
                                      List<String> reasons) {
        for (int i = 0; i < words.size(); i++) {
            String pair = i + 1 < words.size() ? words.get(i) + " " + words.get(i + 1) : null;
            if (pair != null && known.containsKey(pair)) {
                return fire(signal, known.get(pair), pair, reasons);
            }
            if (pair != null && THINGS.contains(pair)) {
                i++;
                continue;
            }
            String word = words.get(i);
            if (topics.contains(word)) {
                topic("title word", word, reasons); // another word may still say what the page is
            } else if (known.containsKey(word)) {
                return fire(signal, known.get(word), word, reasons);
            }
        }
        return withoutSpaces(words, known, signal, reasons);
    }

    /** Japanese and Chinese titles run their words together: a known word of such a script counts inside a word. */
    private static double withoutSpaces(List<String> words, Map<String, Double> known, Signal signal, List<String> reasons) {
        for (String word : words) {
            if (word.charAt(0) < '\u3000') {
                continue;
            }
            for (Map.Entry<String, Double> entry : known.entrySet()) {
                if (entry.getKey().charAt(0) >= '\u3000' && word.contains(entry.getKey())) {
                    return fire(signal, entry.getValue(), entry.getKey(), reasons);
                }
            }
        }
        return 0;
    }

    /**
     * "Give a team edit access to a Grafana folder", "Restart the search cluster": a title that is an imperative verb
     * before an article or a determiner is an instruction, whatever the verb ("Test strategy" and "Review of Q3" are
     * not). Not an -ing form ("Building a culture of ...", "Choosing a database" are essays and evaluations as often),
     * nor the verbs of reading lists and idioms ("Read the ...", "Make the most of ...", "Keep the lights on").
     */
    /** "How to ..." or "... checklist": a title whose frame says procedure, whatever it is about. */
    private static boolean namesAProcedureAround(List<String> words) {
        return words.size() >= 3 && (words.get(0).equals("how") && words.get(1).equals("to")
                || PROCEDURE_PAGE_NOUNS.contains(words.get(words.size() - 1)));
    }

    private static boolean isAnInstruction(List<String> words, Set<String> verbs) {
        return words.size() >= 3 && DETERMINERS.contains(words.get(1)) && verbs.contains(words.get(0))
                && !NOT_INSTRUCTING_VERBS.contains(words.get(0));
    }

    /** The weight an instruction title gets: that of the profile's strongest title word for an operation. */
    private static double strongest(Map<String, Double> weights) {
        double strongest = 0;
        for (double weight : weights.values()) {
            strongest = Math.max(strongest, weight);
        }
        return strongest;
    }

    /** Lower-case words of a title: letters, digits and inner hyphens. */
    static List<String> words(String title) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= title.length(); i++) {
            // a hyphen joins words ("how-to", "post-mortem") but not a number to a name ("ADR-022")
            boolean wordChar = i < title.length() && (Character.isLetterOrDigit(title.charAt(i))
                    || (title.charAt(i) == '-' && start >= 0 && i + 1 < title.length()
                    && !Character.isDigit(title.charAt(i + 1))));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(title.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    private static double fire(Signal signal, double weight, String detail, List<String> reasons) {
        reasons.add(signal.reason.replace("%s", detail) + " (" + signed(weight) + ")");
        return weight;
    }

    /**
     * The weight as {@code String.format(Locale.ROOT, "%+.2f", weight)} writes it, without the Formatter, which
     * cost more than the rest of detection: the shortest decimal of the double (what the Formatter starts from too)
     * rounded half up to two places, the sign of the double (so -0.001 stays "-0.00").
     */
    private static String twoPlaces(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String signed(double weight) {
        if (!Double.isFinite(weight)) {
            return String.format(Locale.ROOT, "%+.2f", weight);
        }
        String digits = BigDecimal.valueOf(Math.abs(weight)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return (Double.compare(weight, 0.0) < 0 ? "-" : "+") + digits;
    }
}
