package io.playbooks.conversion;

import io.playbooks.playbook.Snippet;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A code or noformat macro (or a pre block): commands when its language is shell-like (or unnamed and its first line is a
 * command), else a snippet kept byte for byte.
 *
 * @param command the command text (prompts and output removed from transcripts), or null for a snippet
 * @param snippet the snippet, or null for a command
 */
record CodeBlock(String command, Snippet snippet) {

    /** A program's answer, as plain text shows it: "git version 2.43.0", "psql (PostgreSQL) 16.2", "rsync error: ...". */
    private static final Pattern OUTPUT_LINE = Pattern.compile(
            "\\S+\\s+(?:version\\b|error\\b|warning\\b|\\(|(?:v\\d+\\.\\d+(?:\\.\\d+)?|\\d+\\.\\d+\\.\\d+)(?![.\\d]))[^\\n]*");
    private static final Pattern TITLE_WORD = Pattern.compile("[A-Z][a-z]+");
    private static final Pattern PLACEHOLDER_ONLY = Pattern.compile("<[^<>\\s]+>|\\$\\{[^}\\s]+}|\\{\\{[^}]+}}");

    static CodeBlock of(Element macro) {
        return of(languageOf(macro), Macros.plainBody(macro));
    }

    private static String languageOf(Element macro) {
        String language = Macros.name(macro).equals("noformat") ? "" : Macros.parameter(macro, "language");
        return language.isEmpty() ? Macros.defaultParameter(macro) : language;
    }

    /** The block as a sample shown as written, in its language ("text" when it names none): no command of a step. */
    static Snippet sample(Element block) {
        return block.tagName().equals("pre") ? snippet("", withoutBlankEdges(Macros.withXmlLineEnds(block.wholeText()))).snippet()
                : snippet(languageOf(block), withoutBlankEdges(Macros.plainBody(block))).snippet();
    }

    /** A {@code <pre>} block of HTML (pages migrated from other wikis): code in no named language, as noformat is. */
    static CodeBlock ofPreformatted(Element pre) {
        return of("", Macros.withXmlLineEnds(pre.wholeText()));
    }

    private static CodeBlock of(String language, String body) {
        String code = withoutBlankEdges(body);
        // a template's "<command>" or "${COMMAND}" is a blank to fill in, not a command to run
        // a block of requests ("POST https://..." or Dev Tools' "PUT _cluster/settings", with headers and body, after
        // comment lines) is a command in no language, an "http" or a shell one: one call, or several in a shell step
        boolean requests = (CodeLanguage.isUnspecified(language) || CodeLanguage.isHttp(language) || CodeLanguage.isShell(language))
                && RequestLine.startsWithOne(HttpCall.withoutLeadingComments(code));
        if (requests) {
            return new CodeBlock(code, null);
        }
        // "Plain text" was chosen: a command there starts with a known program ("sqlcmd -S ..."), while a config line
        // or a query ("tcp dport 8443 accept", PromQL) is what the author meant as text
        boolean plainText = CodeLanguage.isPlainText(language);
        boolean commands = !PLACEHOLDER_ONLY.matcher(code).matches() && (CodeLanguage.isShell(language)
                || (CodeLanguage.isUnspecified(language) && CommandRecognizer.startsWithCommand(code, !plainText)
                && !(plainText && isAnAnswer(code.strip())) && !isAColumnHeader(code.strip())));
        if (!commands) {
            return snippet(language, code);
        }
        boolean transcript = ConsoleTranscript.isTranscript(language, code);
        String command = transcript ? ConsoleTranscript.commands(code, CodeLanguage.isConsole(language)) : code;
        if (command.isBlank() && CommandRecognizer.startsWithCommand(code)) {
            command = code; // a console block without a single prompt holds commands, not their output
        }
        if (command.isBlank()) {
            // output alone, or prompts no rule knows: kept as written rather than lost with the step's command
            return snippet(language, code);
        }
        // what was typed into a client behind its own prompt is no shell command; the block stays as the step's sample
        return new CodeBlock(command, transcript && ConsoleTranscript.holdsClientInput(code) ? new Snippet("console", code) : null);
    }

    private static CodeBlock snippet(String language, String code) {
        return new CodeBlock(null, new Snippet(CodeLanguage.isUnspecified(language) ? "text" : CodeLanguage.normalize(language), code));
    }

    /** Its first line reads as a program's answer and holds no option ("ping 10.20.0.1" and "sleep 0.5" are commands). */
    private static boolean isAnAnswer(String code) {
        int lineEnd = code.indexOf('\n');
        String first = lineEnd < 0 ? code : code.substring(0, lineEnd);
        return OUTPUT_LINE.matcher(first).matches() && !first.contains(" -");
    }

    /**
     * Its first line names the columns of a program's answer in words written as titles ("Node  Address  State  Voter"):
     * output pasted without its command; a program is written in lower case ({@code node}).
     */
    private static boolean isAColumnHeader(String code) {
        int lineEnd = code.indexOf('\n');
        List<String> words = CommandRecognizer.words(lineEnd < 0 ? code : code.substring(0, lineEnd));
        if (words.size() < 2) {
            return false;
        }
        for (String word : words) {
            if (!TITLE_WORD.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The code without its leading and trailing blank lines; everything between stays as written. */
    static String withoutBlankEdges(String code) {
        int start = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                start = i + 1;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        return code.substring(start).stripTrailing();
    }
}
