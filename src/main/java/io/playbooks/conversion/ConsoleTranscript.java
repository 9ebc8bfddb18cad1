package io.playbooks.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console snippet: commands behind a prompt ({@code $ }, {@code # }, {@code user@host:~$ }, {@code PS C:\> })
 * mixed with their output. The commands are kept without their prompt; output lines are dropped.
 */
final class ConsoleTranscript {

    private static final Pattern PROMPT = Pattern.compile(
            "^(?:[\\w.-]+@[\\w.-]+(?::[^$#\\n]*)?[$#] |\\$ |# |% |PS(?: [^>\\n]*)?> |[A-Z]:\\\\[^>\\n]*> )");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern DOLLAR_PROMPT = Pattern.compile("(?m)^(?:[\\w.-]+@[\\w.-]+(?::[^$#\\n]*)?)?\\$ ");

    private ConsoleTranscript() {
    }

    /**
     * Whether a code block is a transcript: a console language, or any line behind a {@code $ } prompt
     * ({@code # } alone is not enough outside console snippets, since it starts shell comments).
     */
    static boolean isTranscript(String language, String code) {
        if (CodeLanguage.isConsole(language)) {
            return true;
        }
        // every prompt the pattern finds ends in "$ ": without one the regex would only try each line in vain
        return code.contains("$ ") && DOLLAR_PROMPT.matcher(code).find();
    }

    /** The commands of a transcript joined with "\n"; a command runs on over lines while it is incomplete. */
    static String commands(String transcript) {
        String[] lines = LINE_BREAK.split(transcript, -1);
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher prompt = PROMPT.matcher(lines[i]);
            if (!prompt.find()) {
                continue;
            }
            StringBuilder command = new StringBuilder(lines[i].substring(prompt.end()));
            while (ShellWords.isIncomplete(command.toString().stripTrailing()) && i + 1 < lines.length) {
                command.append('\n').append(lines[++i]);
            }
            if (!command.toString().isBlank()) {
                commands.add(command.toString().stripTrailing());
            }
        }
        return String.join("\n", commands);
    }

    /** The text without a leading prompt. */
    static String withoutPrompt(String line) {
        Matcher prompt = PROMPT.matcher(line);
        return prompt.find() ? line.substring(prompt.end()) : line;
    }
}
