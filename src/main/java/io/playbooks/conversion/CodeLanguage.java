package io.playbooks.conversion;

import java.util.Locale;
import java.util.Set;

/** The language of a code macro: shell-like ones hold commands, the others (yaml, json, sql...) are snippets. */
final class CodeLanguage {

    private static final Set<String> SHELL = Set.of("bash", "sh", "shell", "zsh", "ksh", "fish", "console",
            "shell-session", "shellsession", "terminal", "powershell", "ps1", "pwsh", "posh", "cmd", "bat", "batch",
            "dos");
    private static final Set<String> CONSOLE = Set.of("console", "shell-session", "shellsession", "terminal");
    /** Names that say nothing about the language: the content decides. */
    private static final Set<String> UNSPECIFIED = Set.of("", "none", "text", "plain", "plaintext", "txt");
    /** Of those, the ones an author chose: plain text, which holds commands only of programs known as such. */
    private static final Set<String> PLAIN_TEXT = Set.of("text", "plain", "plaintext", "txt");

    private CodeLanguage() {
    }

    static String normalize(String language) {
        return language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
    }

    static boolean isShell(String language) {
        return SHELL.contains(normalize(language));
    }

    static boolean isHttp(String language) {
        String name = normalize(language);
        return name.equals("http") || name.equals("https") || name.equals("rest");
    }

    static boolean isUnspecified(String language) {
        return UNSPECIFIED.contains(normalize(language));
    }

    static boolean isPlainText(String language) {
        return PLAIN_TEXT.contains(normalize(language));
    }

    static boolean isConsole(String language) {
        return CONSOLE.contains(normalize(language));
    }
}
