package io.playbooks.conversion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a section of a page holds, told by its heading. */
enum SectionKind {
    /** Steps to carry out (the default). */
    PROCEDURE(List.of()),
    /** Its list items are prerequisites, not steps. */
    PREREQUISITES(List.of("prerequisite", "pre-requisite", "pre requisite", "prereq", "requirements", "before you begin", "before you start",
            "before starting", "you will need", "you'll need", "what you need", "what you will need", "what you'll need",
            "preconditions", "access needed", "access required", "required access",
            // German, French, Spanish, Portuguese, Italian, Dutch (Japanese and Chinese: OTHER_SCRIPTS)
            "voraussetzungen", "voraussetzung", "vorbereitung", "prérequis", "pré-requis", "prerequis",
            "conditions préalables", "requisitos previos", "requisitos", "requisito previo", "pré-requisitos",
            "pre-requisitos", "pré-requisito", "prerequisiti", "requisiti", "vereisten", "benodigdheden",
            "voorwaarden", "was sie benötigen", "was du brauchst", "was wird benötigt", "benötigt",
            "ce dont vous avez besoin", "lo que necesitas", "qué necesitas", "o que você precisa", "o que é necessário",
            "cosa serve", "cosa ti serve", "wat je nodig hebt", "wat heb je nodig")),
    /** Its steps go to the playbook's rollback. */
    ROLLBACK(List.of("rollback", "roll back", "roll-back", "rolling back", "back out", "backout", "back-out",
            "backing out", "revert", "reverting", "undo", "fallback", "fallback plan", "if something goes wrong", "if anything goes wrong",
            "if something fails", "if it fails", "recovery if it fails",
            "zurückrollen", "rückgängig machen", "rückfallebene", "rückfallplan", "rückfall", "zurücksetzen",
            "retour arrière", "retour en arrière", "marcha atrás", "vuelta atrás", "reversión", "revertir", "reverter",
            "reversão", "terugdraaien", "terugrollen", "plan de vuelta atrás", "plan de marcha atrás",
            "plan de reversión", "plan de retour arrière", "plan de repli", "plano de reversão", "plano de retorno",
            "piano di rientro", "rientro", "terugvalplan", "terugrolplan")),
    /** Reference material around the procedure: holds no steps. */
    NO_STEPS(List.of("see also", "reference", "related", "further reading", "further information", "more information",
            "links", "external links", "resources", "additional resources",
            "contact", "owner", "change history", "changelog", "change log", "revision history", "version history",
            "document history", "history", "action items", "parameters", "variables", "inputs", "glossary",
            "symptoms", "background", "possible causes", "causes", "impact", "faq", "questions", "overview", "notes",
            "steps performed", "steps taken", "what we did", "what was done", "how we checked", "useful commands", "handy commands", "common commands", "patch log", "run log", "maintenance log", "upgrade log",
            "execution log", "past runs", "previous runs",
            "siehe auch", "ansprechpartner", "kontakte", "kontakt", "änderungshistorie", "änderungsverlauf",
            "versionshistorie", "referenzen", "symptome", "voir aussi", "historique des modifications", "références",
            "symptômes", "ver también", "véase también", "contactos", "historial de cambios", "referencias",
            "síntomas", "ver também", "contatos", "histórico de alterações", "referências", "sintomas", "vedi anche",
            "contatti", "cronologia delle modifiche", "riferimenti", "sintomi", "zie ook", "contactpersonen",
            "wijzigingsgeschiedenis", "versiegeschiedenis", "referenties", "symptomen"));

    /**
     * The names above in German, French, Spanish, Portuguese, Italian and Dutch. On a page in English they are as often
     * a product's or a place's name ("Requisitos web tier", "Paso 1 (primary hall)"), so they name a section only as
     * the whole heading ("Voraussetzungen", "Retour arrière:") or at the end of a short one ("Piano di rollback").
     */
    private static final Set<String> OTHER_LANGUAGES = Set.of("voraussetzungen", "voraussetzung", "vorbereitung",
            "prérequis", "pré-requis", "prerequis", "conditions préalables", "requisitos previos", "requisitos",
            "requisito previo", "pré-requisitos", "pre-requisitos", "pré-requisito", "prerequisiti", "requisiti",
            "vereisten", "benodigdheden", "voorwaarden", "zurückrollen", "rückgängig machen", "rückfallebene",
            "rückfallplan", "rückfall", "zurücksetzen", "retour arrière", "retour en arrière", "marcha atrás",
            "vuelta atrás", "reversión", "revertir", "reverter", "reversão", "terugdraaien", "terugrollen",
            "was sie benötigen", "was du brauchst", "was wird benötigt", "benötigt", "ce dont vous avez besoin",
            "lo que necesitas", "qué necesitas", "o que você precisa", "o que é necessário", "cosa serve",
            "cosa ti serve", "wat je nodig hebt", "wat heb je nodig", "plan de vuelta atrás", "plan de marcha atrás",
            "plan de reversión", "plan de retour arrière", "plan de repli", "plano de reversão", "plano de retorno",
            "piano di rientro", "rientro", "terugvalplan", "terugrolplan",
            "siehe auch", "ansprechpartner", "kontakte", "kontakt", "änderungshistorie", "änderungsverlauf",
            "versionshistorie", "referenzen", "symptome", "voir aussi", "historique des modifications", "références",
            "symptômes", "ver también", "véase también", "contactos", "historial de cambios", "referencias",
            "síntomas", "ver também", "contatos", "histórico de alterações", "referências", "sintomas", "vedi anche",
            "contatti", "cronologia delle modifiche", "riferimenti", "sintomi", "zie ook", "contactpersonen",
            "wijzigingsgeschiedenis", "versiegeschiedenis", "referenties", "symptomen");

    /**
     * Names that are a section's only as the whole heading: "Fallback issuer procedure", "If something goes wrong
     * during login", "Recovery if it fails to start", "Grant the access needed" hold the procedure itself.
     */
    private static final Set<String> WHOLE_HEADING_NAMES = Set.of("fallback", "fallback plan", "if something goes wrong",
            "if anything goes wrong", "if something fails", "if it fails", "recovery if it fails", "access needed",
            "access required", "required access");

    /**
     * Names of logs of past runs whose first word is also a verb: they name a section as the whole heading or its end
     * ("Patch log", "Monthly patch log"), never at its start ("Patch Log4j on the web servers", "Run log rotation").
     */
    private static final Set<String> VERB_LED_NAMES = Set.of("patch log", "run log", "maintenance log", "upgrade log",
            "execution log");

    /** Headings that name a part of the page, not a step, even when numbered ("1. Introduction", "3. Procedure"). */
    private static final Set<String> PART_NAMES = Set.of("introduction", "purpose", "scope", "summary",
            "procedure", "steps", "instructions", "context", "about", "appendix");
    /** Sections without steps whose heading authors also put over the whole page. */
    private static final Set<String> TOP_LEVEL_NAMES = Set.of("overview", "notes", "background");
    /** Headings that name the procedure itself: the steps follow. */
    private static final Set<String> PROCEDURE_NAMES = Set.of("procedure", "steps", "instructions", "step by step",
            "step-by-step", "the procedure", "procedure steps",
            "ablauf", "durchführung", "vorgehen", "vorgehensweise", "schritte", "procédure", "déroulé", "étapes",
            "procedimiento", "pasos", "procedimento", "passos", "procedura", "passaggi", "werkwijze", "stappen",
            "procedure stappen", "作業手順", "実施手順", "手順", "操作步骤", "步骤", "处理步骤");
    /**
     * Section names of scripts written without spaces between words (Japanese, Chinese): a heading is of the kind
     * when it starts with the name ("切り戻し手順" is a rollback section), whatever follows.
     */
    private static final Map<String, SectionKind> OTHER_SCRIPTS = Map.ofEntries(
            Map.entry("前提条件", PREREQUISITES), Map.entry("事前準備", PREREQUISITES), Map.entry("必要なもの", PREREQUISITES),
            Map.entry("準備", PREREQUISITES),
            Map.entry("前置条件", PREREQUISITES), Map.entry("准备工作", PREREQUISITES), Map.entry("先决条件", PREREQUISITES),
            Map.entry("切り戻し", ROLLBACK), Map.entry("ロールバック", ROLLBACK), Map.entry("回滚", ROLLBACK),
            Map.entry("回退", ROLLBACK), Map.entry("関連", NO_STEPS), Map.entry("参考", NO_STEPS),
            Map.entry("連絡先", NO_STEPS), Map.entry("変更履歴", NO_STEPS), Map.entry("改訂履歴", NO_STEPS),
            Map.entry("症状", NO_STEPS), Map.entry("相关", NO_STEPS), Map.entry("联系人", NO_STEPS),
            Map.entry("变更记录", NO_STEPS), Map.entry("修订记录", NO_STEPS), Map.entry("变更历史", NO_STEPS));
    /** A chapter's number before a heading of such a script: "第2章 前提条件". */
    private static final Pattern CHAPTER = Pattern.compile("^第\\s*\\d{1,3}\\s*[章节節]\\s*");
    /** The longest heading of such a script that a name at its start still names: "切り戻し手順", not a sentence. */
    private static final int OTHER_SCRIPT_HEADING_LENGTH = 8;
    /** Words after the name of a section of no steps that go on naming it ("Contacts for ...", "Related pages"). */
    private static final Set<String> NAME_GOES_ON = Set.of("and", "or", "for", "of", "on", "about", "from", "to", "in",
            "at", "by", "with", "list", "lists", "page", "pages", "table", "section", "information", "info", "details",
            "notes", "links", "documents", "docs", "documentation", "material", "materials", "reading", "articles",
            "runbooks", "observed", "seen", "summary", "people", "persons", "person", "team", "teams", "log", "logs",
            "history", "questions", "escalation", "matrix", "resources", "tickets", "issues", "incidents", "work",
            "procedures", "playbooks", "guides", "dashboards", "alerts", "commands", "causes", "context", "reference",
            "references", "used", "only", "we", "you", "the", "a", "an", "this", "these", "that", "if", "when");
    private static final Set<String> NAME_SUFFIXES = Set.of("plan", "procedure", "steps", "instructions", "checklist",
            "section", "notes", "list");
    /**
     * The names of sections without steps that still name one at the end of a short heading ("Useful links", "Escalation
     * contacts"); "impact", "symptoms" or "inputs" there name what a step works on ("Assess impact").
     */
    private static final Set<String> ENDING_NO_STEPS = Set.of("see also", "reference", "links", "resources",
            "contact", "owner", "change history", "changelog", "revision history", "version history", "history",
            "glossary", "faq", "further reading", "patch log", "run log", "maintenance log", "upgrade log",
            "execution log", "past runs", "previous runs");
    /** Sections of no steps whose heading may go on to name the fixes: "Symptoms and fixes", "Causes and resolution". */
    private static final Set<String> FOLLOWED_BY_FIXES = Set.of("symptoms", "causes", "possible causes", "impact");
    /** Words after such a name that say the section holds what to do. */
    private static final Set<String> FIX_WORDS = Set.of("fix", "fixes", "resolution", "resolutions", "remediation",
            "action", "actions", "solution", "solutions", "workaround", "workarounds", "steps", "procedure", "mitigation");
    /** Short headings that end with a kind's name ("Upgrade prerequisites", "Escalation contacts"): at most words. */
    private static final int SHORT_HEADING_WORDS = 4;

    private final List<String> names;

    SectionKind(List<String> names) {
        this.names = names;
    }

    /**
     * The kind a heading opens, or null when the heading names none (the section then inherits). The heading starts
     * with a kind's name ("Rollback", "See also: dashboards", "References"), or a short heading ends with one
     * ("Emergency rollback", "How to roll back", "Useful links"), unless it reads as a step ("Check the links").
     * Names are whole words: "Contacting the vendor" is no Contacts section.
     */
    static SectionKind of(String headingText) {
        String heading = normalized(headingText);
        if (heading.startsWith("what you need to ")) {
            return null; // "What you need to do", "... to know": what the reader is told, not what they must have
        }
        SectionKind ofOtherScript = ofOtherScript(heading);
        if (ofOtherScript != null) {
            return ofOtherScript;
        }
        String first = firstWord(heading);
        for (Named candidate : Names.BY_FIRST_WORD.getOrDefault(singular(first), List.of())) {
            boolean wholeHeadingOnly = VERB_LED_NAMES.contains(candidate.name()) || OTHER_LANGUAGES.contains(candidate.name())
                    || WHOLE_HEADING_NAMES.contains(candidate.name());
            if (startsWithWord(heading, candidate.name()) && (!wholeHeadingOnly || heading.equals(candidate.name()))
                    && !(candidate.kind() == NO_STEPS && namesSomethingElse(heading, candidate.name()))
                    && !(FOLLOWED_BY_FIXES.contains(candidate.name()) && namesAFixAfter(heading, candidate.name()))) {
                return candidate.kind();
            }
        }
        if (isARollbackOnACondition(heading) || namesRollbackInBrackets(heading)) {
            return ROLLBACK;
        }
        if (wordCount(heading) > SHORT_HEADING_WORDS) {
            return null;
        }
        String last = heading.substring(heading.lastIndexOf(' ') + 1);
        for (Named candidate : Names.BY_LAST_WORD.getOrDefault(singular(last), List.of())) {
            boolean namesTheSection = candidate.kind() != NO_STEPS || ENDING_NO_STEPS.contains(candidate.name());
            // "Prepare the rollback", "Check the links" are steps about the thing, not a section of it
            boolean aStep = candidate.kind() != PREREQUISITES && BuiltInProfile.isImperativeVerb(first);
            if (namesTheSection && !aStep && !WHOLE_HEADING_NAMES.contains(candidate.name())
                    && endsWithWord(heading, candidate.name())) {
                return candidate.kind();
            }
        }
        return null;
    }

    /** The kind a short Japanese or Chinese heading names by its start (after a chapter's "第2章"), else null. */
    private static SectionKind ofOtherScript(String headingText) {
        String heading = CHAPTER.matcher(headingText).replaceFirst("");
        if (heading.isEmpty() || heading.length() > OTHER_SCRIPT_HEADING_LENGTH || heading.charAt(0) < '\u3000') {
            return null;
        }
        for (Map.Entry<String, SectionKind> name : OTHER_SCRIPTS.entrySet()) {
            if (heading.startsWith(name.getKey())) {
                return name.getValue();
            }
        }
        return null;
    }

    /**
     * "Contacts sync", "References check", "Related services": a name of a section of no steps used as a word that
     * describes what the heading names. It stays the section's name when punctuation follows it ("See also: dashboards",
     * "Contacts (payments)") or a word that goes on naming it ("Contacts for the payments team", "References and further
     * reading", "Change history 2024").
     */
    private static boolean namesSomethingElse(String heading, String name) {
        String rest = heading.substring(name.length());
        if (rest.startsWith("s")) {
            rest = rest.substring(1); // the plural: "contacts sync"
        }
        if (rest.isEmpty() || !rest.startsWith(" ")) {
            return false;
        }
        String next = rest.strip();
        int end = 0;
        while (end < next.length() && Character.isLetter(next.charAt(end))) {
            end++;
        }
        return end > 0 && !NAME_GOES_ON.contains(next.substring(0, end));
    }

    /** "Symptoms and fixes", "Causes and resolution": a section of no steps by its first words that holds the fixes. */
    private static boolean namesAFixAfter(String heading, String name) {
        for (String word : heading.substring(name.length()).split("[^a-z]+")) {
            if (FIX_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** "Fail back (rollback)", "Restore the old schema (back out)": what the section does, then which kind it is. */
    private static boolean namesRollbackInBrackets(String heading) {
        int open = heading.lastIndexOf('(');
        if (open < 0 || !heading.endsWith(")")) {
            return false;
        }
        String inside = heading.substring(open + 1, heading.length() - 1).strip();
        return ROLLBACK.names.stream().anyMatch(name -> inside.equals(name) || inside.equals(name + " plan"));
    }

    /** "If the smoke test fails: roll back", "If the workers crash-loop, revert them": a condition, then the rollback. */
    private static boolean isARollbackOnACondition(String heading) {
        if (!heading.startsWith("if ") && !heading.startsWith("when ") && !heading.startsWith("in case ")) {
            return false;
        }
        int cut = Math.max(heading.lastIndexOf(": "), heading.lastIndexOf(", "));
        if (cut < 0) {
            return false;
        }
        String action = heading.substring(cut + 2);
        return ROLLBACK.names.stream().anyMatch(name -> startsWithWord(action, name));
    }

    /**
     * Whether the headings under this one without a kind of their own are of its kind: a "See also" or "Rollback"
     * section's sub-headings are, but an "Overview", "Notes" or "Background" heading is often the page's top heading.
     */
    static boolean passesOn(String headingText) {
        return !TOP_LEVEL_NAMES.contains(normalized(headingText));
    }

    /** Sections that say who does what: a table there that names no step, action or command column is no steps. */
    private static final List<String> WHO_DOES_WHAT = List.of("responsibilities", "roles and responsibilities", "raci");

    /**
     * "Responsibilities", "RACI": a table there that names no step, action or command column ("# | Task | Owner") says
     * who does what, and its rows are no steps; a list there, or a "Step | Action | Owner" table, still is.
     */
    static boolean saysWhoDoesWhat(String heading) {
        if (heading == null) {
            return false;
        }
        String lower = heading.strip().toLowerCase(Locale.ROOT);
        return WHO_DOES_WHAT.stream().anyMatch(lower::startsWith);
    }

    /** Whether a heading names the procedure itself ("Procedure", "Steps"), not a kind of section around it. */
    static boolean namesTheProcedure(String headingText) {
        return PROCEDURE_NAMES.contains(normalized(headingText));
    }

    /**
     * The kind a numbered heading opens when the whole heading names a part of the page ("4. Rollback", "2.
     * Prerequisites", "3. Procedure"): then it is a section, not a step. "2. Roll back the release" stays a step.
     *
     * @return the kind, PROCEDURE for a part such as "Overview", or null when the heading is a step
     */
    static SectionKind ofNumbered(String title) {
        String heading = normalized(title);
        if (PART_NAMES.contains(heading)) {
            return PROCEDURE;
        }
        int lastSpace = heading.lastIndexOf(' ');
        String withoutSuffix = lastSpace > 0 && NAME_SUFFIXES.contains(heading.substring(lastSpace + 1))
                ? heading.substring(0, lastSpace) : heading;
        for (SectionKind kind : values()) {
            for (String name : kind.names) {
                if (startsWithWord(withoutSuffix, name) && withoutSuffix.length() <= name.length() + 1) {
                    return kind;
                }
            }
        }
        return null;
    }

    private static int wordCount(String heading) {
        int words = heading.isEmpty() ? 0 : 1;
        for (int i = 0; i < heading.length(); i++) {
            words += heading.charAt(i) == ' ' ? 1 : 0;
        }
        return words;
    }

    /** The heading's first word without the punctuation after it ("Rollback: lift containment", "Revert, then"). */
    private static String firstWord(String heading) {
        int end = 0;
        while (end < heading.length() && heading.charAt(end) != ' ') {
            end++;
        }
        while (end > 0 && !Character.isLetterOrDigit(heading.charAt(end - 1))) {
            end--;
        }
        return heading.substring(0, end);
    }

    /** A word without its plural "s" ("contacts", "links"): the key the names are found by. */
    private static String singular(String word) {
        return word.length() > 1 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private record Named(String name, SectionKind kind) {
    }

    /**
     * The names by their first and last word (singular), so that a heading is compared with the few names that can
     * match it, not with all of them: every heading of every page is looked up here.
     */
    private static final class Names {
        static final Map<String, List<Named>> BY_FIRST_WORD = index(true);
        static final Map<String, List<Named>> BY_LAST_WORD = index(false);

        private static Map<String, List<Named>> index(boolean firstWord) {
            Map<String, List<Named>> index = new HashMap<>();
            for (SectionKind kind : values()) {
                for (String name : kind.names) {
                    String word = firstWord ? name.split(" ")[0] : name.substring(name.lastIndexOf(' ') + 1);
                    index.computeIfAbsent(singular(word), w -> new ArrayList<>()).add(new Named(name, kind));
                }
            }
            return Map.copyOf(index);
        }
    }

    /** Lower case, typographic apostrophes plain, leading numbering ("3.", "2)") and trailing colons left out. */
    private static String normalized(String headingText) {
        String heading = headingText.toLowerCase(Locale.ROOT).replace('\u2019', '\'').trim();
        int start = 0;
        while (start < heading.length() && (Character.isDigit(heading.charAt(start)) || ".) ".indexOf(heading.charAt(start)) >= 0)) {
            start++;
        }
        int end = heading.length();
        while (end > start && ":.".indexOf(heading.charAt(end - 1)) >= 0) {
            end--;
        }
        return heading.substring(start, end).trim();
    }

    private static boolean startsWithWord(String heading, String name) {
        return heading.startsWith(name) && wordEndsAt(heading, name.length());
    }

    /** Whether the heading's last words are the name, or its plural ("contacts"), after a space or alone. */
    private static boolean endsWithWord(String heading, String name) {
        int plural = heading.endsWith("s") ? 1 : 0;
        for (int s = 0; s <= plural; s++) {
            int at = heading.length() - s - name.length();
            if (at >= 0 && heading.startsWith(name, at) && (at == 0 || heading.charAt(at - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name that ends at {@code end} ends a word there (a plural "s" may follow). */
    private static boolean wordEndsAt(String heading, int end) {
        if (end < heading.length() && heading.charAt(end) == 's') {
            end++;
        }
        return end == heading.length() || !Character.isLetter(heading.charAt(end));
    }
}
