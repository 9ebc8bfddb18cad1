package io.playbooks.conversion;

import java.util.Set;

/**
 * Whether a step's first word is a verb in the past tense ("Stopped", "Ran", "Rebuilt"): a record of work done
 * says what was run, a procedure says what to run.
 */
final class PastTense {

    /** Irregular past forms that start the lines of change records and reports. */
    private static final Set<String> IRREGULAR = Set.of("ran", "took", "made", "began", "went", "saw", "found", "did",
            "got", "wrote", "rebuilt", "built", "brought", "kept", "left", "sent", "spent", "held", "told", "gave",
            "rewrote", "undid", "redid", "reran", "understood", "chose", "drove", "froze", "broke");
    /** Words ending in "ed" that are no past tense: they are read in the present or as nouns. */
    private static final Set<String> NOT_PAST = Set.of("embed", "shred", "speed", "proceed", "succeed", "exceed",
            "bleed", "breed", "hundred", "sacred", "wicked", "naked", "expected", "related", "advanced", "detailed",
            "required", "scheduled", "supported", "allowed", "affected", "recommended", "suggested", "based", "named");

    private PastTense() {
    }

    /** @param word the step's first word in lower case; the imperative verbs of the profile are never past */
    static boolean is(String word, Set<String> imperativeVerbs) {
        if (imperativeVerbs.contains(word) || NOT_PAST.contains(word)) {
            return false;
        }
        return IRREGULAR.contains(word) || word.length() >= 5 && word.endsWith("ed");
    }
}
