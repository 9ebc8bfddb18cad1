package io.playbooks.conversion;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the POSIX shell grammar to split a script into its commands and a command into its words:
 * single and double quotes, backslash escapes and line continuations, and the operators that chain commands.
 */
final class ShellWords {

    private ShellWords() {
    }

    /**
     * The script's commands, one per logical line: a newline inside quotes or after a backslash does not end a
     * command. Blank lines are dropped; each command keeps its text exactly as written.
     */
    static List<String> commands(String script) {
        List<String> commands = new ArrayList<>();
        int start = 0;
        while (start < script.length()) {
            int end = commandEnd(script, start);
            addIfNotBlank(commands, script.substring(start, end));
            start = end + 1;
        }
        return commands;
    }

    /** Where the command that starts at {@code start} ends: the first newline outside quotes and continuations. */
    static int commandEnd(String script, int start) {
        char quote = 0;
        for (int i = start; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < script.length()) {
                i++;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\n') {
                return i;
            }
        }
        return script.length();
    }

    /** Whether a command goes on past its end: an open quote or a trailing backslash. */
    static boolean isIncomplete(String command) {
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && quote != '\'') {
                if (i + 1 == command.length()) {
                    return true;
                }
                i++;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }
        return quote != 0;
    }

    private static void addIfNotBlank(List<String> commands, String command) {
        if (!command.isBlank()) {
            commands.add(command.stripTrailing());
        }
    }

    /** The end (after its '>') of a {@code <placeholder>} that starts at {@code at} inside a word, or -1. */
    private static int placeholderEnd(String command, int at) {
        if (at == 0 || Character.isWhitespace(command.charAt(at - 1))) {
            return -1; // "< file" or "<file" after a blank is a redirect
        }
        int i = at + 1;
        if (i >= command.length() || !Character.isLetter(command.charAt(i))) {
            return -1;
        }
        while (i < command.length() && (Character.isLetterOrDigit(command.charAt(i)) || command.charAt(i) == '-'
                || command.charAt(i) == '_')) {
            i++;
        }
        return i < command.length() && command.charAt(i) == '>' ? i + 1 : -1;
    }

    /** The index after the bracket that closes the one at {@code open}, or -1 when none closes it. */
    private static int substitutionEnd(String command, int open) {
        int depth = 0;
        for (int i = open; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The words of one command with quotes removed; null when it chains, pipes or redirects (not one simple call). */
    static List<String> simpleCommandWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < command.length()) {
                char next = command.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '(') {
                // a command substitution is part of its word, blanks and all: -o /tmp/clusters-$(hostname -s).json
                int end = substitutionEnd(command, i + 1);
                if (end < 0) {
                    return null; // no bracket closes it: not one simple command this reading can vouch for
                }
                word.append(command, i, end);
                inWord = true;
                i = end - 1;
            } else if (c == '<' && placeholderEnd(command, i) > 0) {
                // a page's placeholder (https://host/keys/<key-id>), which no one runs as a redirect
                int end = placeholderEnd(command, i);
                word.append(command, i, end);
                inWord = true;
                i = end - 1;
            } else if (c == '|' || c == ';' || c == '&' || c == '>' || c == '<' || c == '`') {
                return null;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
