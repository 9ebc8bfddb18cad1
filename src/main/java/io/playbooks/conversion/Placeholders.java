package io.playbooks.conversion;

import java.util.Locale;
import java.util.Set;

/**
 * Text that stands where content is missing: "None.", "n/a", "-", "TBD", "TODO". It is no prerequisite and no part of
 * a step table's row; a step of it alone is still a step (the rules make one of every item), but no sign of a
 * procedure to carry out.
 */
final class Placeholders {

    private static final Set<String> NOTHING = Set.of("-", "\u2013", "\u2014", "--", "/", "n/a", "na", "none",
            "nothing", "none required", "not applicable", "tbd", "tbc", "todo", "to do", "fixme", "wip", "...", "\u2026",
            "xxx", "aucun", "aucune", "keine", "keiner", "ninguno", "ninguna", "nenhum", "nenhuma", "nessuno", "geen",
            "なし", "無し", "无");

    private Placeholders() {
    }

    /** Whether the text only marks that there is nothing, or nothing yet, in its place. */
    static boolean saysNothing(String text) {
        String plain = text.strip().toLowerCase(Locale.ROOT);
        while (plain.length() > 1 && (plain.endsWith(".") || plain.endsWith("!")) && !plain.endsWith("...")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        return NOTHING.contains(plain);
    }
}
