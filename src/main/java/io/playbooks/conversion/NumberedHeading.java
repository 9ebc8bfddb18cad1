package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headings that number a step: "1. Stop traffic", "2) Drain", "3 - Verify", "Step 2: Drain node", "Step 3 - Verify",
 * and the steps of a step in outline numbering ("1.2 Drain the node", "Step 2.1: Patch").
 */
final class NumberedHeading {

    /**
     * "Step 2: Drain node", "Step 3 - Verify", "Step-4: Restart", "Step 2 of 5 – Take it offline", "Step 1 (optional) –
     * Save the cache".
     */
    private static final Pattern STEP_WORD = Pattern.compile("(?i)^step(?:\\s*|-)(\\d{1,3}(?:\\.\\d{1,3})*)[a-z]?(?:\\s+of\\s+\\d{1,3})?"
            + "(\\s*\\([^)]{1,30}\\))?\\s*[:.)\\-\u2013\u2014]?\\s*(.*)$");
    /**
     * "Step 2:" in the languages operations teams also write in: "Schritt 3:", "Étape 2 :", "Paso 1.", "Passo 2 –",
     * "Stap 3:", "手順3：", "ステップ2：", "步骤 2：", "第2步", with "of N" and a remark as in English ("Schritt 3 von 5 –",
     * "Paso 2 (opcional):"). A whole number and a mark after it: on a page in English
     * these words also name places and versions ("Paso 1 (primary hall)", "Stap 5.0 on RHEL 9"), never so marked.
     */
    private static final Pattern STEP_WORD_OF_OTHER_LANGUAGES = Pattern.compile(
            "(?iu)^(?:(?:schritt|[ée]tape|paso|passo|stap|手順|ステップ|步骤)\\s*(?<number>\\d{1,3})"
                    + "(?:\\s+(?:von|sur|de|di|van)\\s+\\d{1,3})?(?<remark>\\s*\\([^)]{1,30}\\))?"
                    + "\\s*(?:[:.)\uFF1A]|\\s[-\u2013\u2014])"
                    + "|第\\s*(?<ordinal>\\d{1,3})\\s*步\\s*[:\uFF1A]?)(?!\\d)\\s*(?<title>.*)$");
    /** The first letters of those words: a heading that starts otherwise (most do) is not matched at all. */
    private static final String STEP_WORD_STARTS = "sSeEéÉpP手ス步第";
    /**
     * "1. Stop", "2) Drain", "3: Verify", "4 - Switch over", "5 – Unfreeze", "1：停止": a number, then a mark, then the
     * title.
     */
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,3})(?:\\s*[.):]\\s+|\\s*\uFF1A\\s*|\\s+[-\u2013\u2014]\\s+)(\\S.*)$");
    /**
     * "1.2 Drain the node", "2.1. Patch", "3.1 - Reboot": outline numbers need no mark, but a title that starts with
     * an imperative verb: documents number their chapters so too ("2.1 Goals"), and versions look alike ("1.5 release").
     */
    private static final Pattern OUTLINE_NUMBER = Pattern.compile(
            "^(\\d{1,3}(?:\\.\\d{1,3})+)(?:\\s*[.):]|\\s+[-\u2013\u2014])?\\s+(\\S.*)$");

    private NumberedHeading() {
    }

    /** The heading's title without its number, when the heading is numbered. */
    static Optional<String> title(String headingText) {
        String text = headingText.trim();
        char first = text.isEmpty() ? ' ' : text.charAt(0);
        if (STEP_WORD_STARTS.indexOf(first) < 0 && (first < '0' || first > '9')) {
            return Optional.empty(); // no pattern can match: most headings are plain words
        }
        Matcher matcher = STEP_WORD.matcher(text);
        if (matcher.matches()) {
            // "Step 1 (optional) – Save the cache": the remark goes after the title
            String remark = matcher.group(2) == null ? "" : " " + matcher.group(2).strip();
            String title = titleOf(matcher.group(3));
            return Optional.of(title.isEmpty() ? title : title + remark);
        }
        matcher = STEP_WORD_OF_OTHER_LANGUAGES.matcher(text);
        if (matcher.matches()) {
            String remark = matcher.group("remark") == null ? "" : " " + matcher.group("remark").strip();
            String title = titleOf(matcher.group("title"));
            return Optional.of(title.isEmpty() ? title : title + remark);
        }
        matcher = NUMBER.matcher(text);
        if (matcher.matches()) {
            return Optional.of(titleOf(matcher));
        }
        matcher = OUTLINE_NUMBER.matcher(text);
        return matcher.matches() && startsWithAVerb(matcher.group(2)) ? Optional.of(titleOf(matcher))
                : Optional.empty();
    }

    /** Whether the text numbers itself a step in words: "Step 2. On db-mst01, take a dump". */
    static boolean saysStep(String text) {
        String trimmed = text.trim();
        return STEP_WORD.matcher(trimmed).matches() || STEP_WORD_OF_OTHER_LANGUAGES.matcher(trimmed).matches();
    }

    /** The title after the number, without the full stop a numbered paragraph ends with. */
    private static String titleOf(Matcher matcher) {
        return titleOf(matcher.group(2));
    }

    /** Without the full stop or the colon that ends it ("Confirm the expiry date as clients see it:" over a block). */
    private static String titleOf(String text) {
        String title = text.trim();
        boolean ended = title.endsWith(".") && !title.endsWith("..") || title.endsWith(":");
        return ended ? title.substring(0, title.length() - 1).stripTrailing() : title;
    }

    static boolean startsWithAVerb(String title) {
        int end = 0;
        while (end < title.length() && Character.isLetter(title.charAt(end))) {
            end++;
        }
        return BuiltInProfile.isImperativeVerb(title.substring(0, end).toLowerCase(Locale.ROOT));
    }

    /** The commands a heading names in inline code ("Run <code>./reindex.sh</code>"): the step's first commands. */
    static List<Element> commandsIn(Element heading) {
        return ElementsByTag.in(heading, "code"::equals).stream()
                .filter(code -> CommandRecognizer.isCommand(code.wholeText().strip())).toList();
    }

    /**
     * The title up to a colon before the command it names ("Delete the job: kubectl delete ..." gives "Delete the
     * job"), or the whole title ("Run liquibase releaseLocks"): a name for the step when the command is below it.
     */
    static String nameBeforeAColon(String title, Element command) {
        int at = title.indexOf(PlainText.of(command));
        int colon = title.indexOf(':');
        return colon > 0 && (at < 0 || colon < at) ? title.substring(0, colon).strip() : title;
    }

    /** The title up to the command it names ("Run ./reindex.sh" gives "Run"), or the whole title. */
    static String nameBefore(String title, Element command) {
        int at = title.indexOf(PlainText.of(command));
        int end = at < 0 ? title.length() : at;
        while (end > 0 && " :,;-\u2013\u2014".indexOf(title.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == 0 ? title : title.substring(0, end);
    }
}
