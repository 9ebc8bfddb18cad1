package io.playbooks.conversion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Headings that number a step: "1. Stop traffic", "2) Drain", "3 - Verify", "Step 2: Drain node", "Step 3 - Verify". */
final class NumberedHeading {

    private static final Pattern STEP_WORD = Pattern.compile("(?i)^step\\s*(\\d{1,3})\\s*[:.)\\-\u2013\u2014]?\\s*(.*)$");
    /** "1. Stop", "2) Drain", "3: Verify", "4 - Switch over", "5 – Unfreeze": a number, then a mark, then the title. */
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,3})(?:\\s*[.):]|\\s+[-\u2013\u2014])\\s+(\\S.*)$");

    private NumberedHeading() {
    }

    /** The heading's title without its number, when the heading is numbered. */
    static Optional<String> title(String headingText) {
        String text = headingText.trim();
        char first = text.isEmpty() ? ' ' : text.charAt(0);
        if (first != 's' && first != 'S' && (first < '0' || first > '9')) {
            return Optional.empty(); // neither pattern can match: most headings are plain words
        }
        Matcher matcher = STEP_WORD.matcher(text);
        if (matcher.matches()) {
            return Optional.of(matcher.group(2).trim());
        }
        matcher = NUMBER.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(2).trim()) : Optional.empty();
    }
}
