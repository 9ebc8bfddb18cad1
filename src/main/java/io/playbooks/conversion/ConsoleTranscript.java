package io.playbooks.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console snippet: commands behind a prompt ({@code $ }, {@code # }, {@code user@host:~$ }, {@code PS C:\> })
 * mixed with their output. The commands are kept without their prompt; output lines are dropped.
 */
final class ConsoleTranscript {

    /** The prompt of a shell with no user or host set, as in a container: {@code bash-5.1$ }, {@code sh-4.4# }. */
    private static final String SHELL_VERSION_PROMPT = "(?:ba|z|k)?sh-\\d+(?:\\.\\d+)*[$#] ";
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:[\\w.-]+@[\\w.-]+(?::[^$#\\n]*)?[$#] |\\[[\\w.-]++@[\\w.-]++[^\\]\\n]*+\\][$#] |\\$ |# |% |" + SHELL_VERSION_PROMPT
                    + "|PS(?: [^>\\n]*)?> |[A-Z]:\\\\[^>\\n]*> )");
    /** Prompts that no line of a script starts with: {@code user@host:~$ }, {@code [root@host ~]# }, {@code PS C:\> }. */
    private static final Pattern UNMISTAKABLE_PROMPT = Pattern.compile(
            "(?m)^(?:(?:[\\w.-]+@[\\w.-]+(?::[^$#\\n]*)?)?\\$ |\\[[\\w.-]++@[\\w.-]++[^\\]\\n]*+\\][$#] |" + SHELL_VERSION_PROMPT
                    + "|PS(?: [^>\\n]*)?> |[A-Z]:\\\\[^>\\n]*> )");
    /**
     * A network device's prompt, with or without a space before the command: {@code user@mx480> } and
     * {@code user@mx480# } (Junos, PAN-OS, in operational and configuration mode),
     * {@code leaf-01(config-if)#} (configuration mode of IOS, NX-OS, EOS: whatever follows is a command) and
     * {@code router#} or {@code switch>} (group 1), which counts only before a command: output such as "Switch#   Role"
     * is no prompt.
     */
    private static final Pattern DEVICE_PROMPT = Pattern.compile(
            "^(?:[\\w.-]+@[\\w.-]+[>#] ?|[A-Za-z][\\w./:-]*\\(config[\\w./:-]*\\)# ?|([A-Za-z][\\w./-]*[#>]) ?)(?=\\S)");
    /**
     * U-Boot's prompt ({@code => }, {@code U-Boot> }) before one of its commands, typed on a board's serial console;
     * irb's answers ({@code => nil}) are no prompt.
     */
    private static final Pattern BOOT_LOADER_PROMPT = Pattern.compile("(?:U-Boot|=)> (?=(?:setenv|saveenv|printenv|"
            + "tftpboot|tftp|bootm|bootz|booti|bootd|boot|run|mmc|usb|fatload|ext4load|load|reset|env|dhcp|ping|md|mw|sf|"
            + "nand|ubi|bdinfo|version)\\b)");
    /** F5 BIG-IP's tmsh prompt: {@code admin@(bigip-01)(cfg-sync In Sync)(Active)(/Common)(tmos)# }. */
    private static final Pattern TMSH_PROMPT = Pattern.compile("[\\w.-]+@(?:\\([^)\\n]*\\))+# ?(?=\\S)");
    /**
     * Citrix ADC's (NetScaler's) bare prompt before one of its commands: {@code > show lb vserver vs_shop}; the mongo
     * shell's {@code > show dbs} is not the device's.
     */
    private static final String ADC_PROMPT = "> ";
    private static final Pattern ADC_COMMAND = Pattern.compile("> (?!show (?:dbs|collections|databases|tables|users|"
            + "roles|profile|log)\\b)(?:show|enable|disable|save|set|unset|add|rm|bind|unbind|stat|sync|force|reboot) \\S");
    /** Interactive programs whose prompt looks like a device's ({@code mysql> }, {@code redis>}): what follows is theirs. */
    private static final Set<String> PROGRAM_PROMPTS = Set.of("mysql", "mariadb", "redis", "redis-cli", "mongo",
            "mongosh", "sqlite", "cqlsh", "hive", "beeline", "ksql", "spark-sql", "irb", "sftp", "ftp", "telnet",
            "gdb", "zkcli", "hbase", "influx", "clickhouse", "neo4j", "sql", "rman", "sqlplus", "dgmgrl", "db2", "isql");
    /** Prompts only shells show: {@code $ }, {@code user@host:~$ }, {@code root@host:~# }, {@code [root@host ~]# }, {@code PS C:\> }. */
    private static final Pattern SHELL_PROMPT = Pattern.compile(
            "(?:[\\w.-]+@[\\w.-]+:[^$#\\n]*[$#] |(?:[\\w.-]+@[\\w.-]+)?\\$ |\\[[\\w.-]++@[\\w.-]++[^\\]\\n]*+\\][$#] |" + SHELL_VERSION_PROMPT
                    + "|PS(?: [^>\\n]*)?> |[A-Z]:\\\\[^>\\n]*> )");
    /** Prompts of database and other clients: psql's {@code db=#}, {@code db=>}, {@code db-#}, and {@code name> } of the others. */
    private static final Pattern CLIENT_PROMPT = Pattern.compile("(?mi)^(?:[\\w.-]+[=-][#>]|(?:mysql|mariadb \\[[^\\]\\n]*\\]"
            + "|sql|rman|dgmgrl|[\\w.-]+:\\d+|mongodb [^>\\n]*|rs\\d*:\\w+|[\\w-]+ \\[direct: \\w+\\] \\w+|cqlsh(?::\\w+)?|hive"
            + "|0: jdbc:[^>\\n]*)>) \\S");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final String CONTINUATION_PROMPT = "> ";
    /** {@code <<EOF}, {@code <<'EOF'}, {@code <<-"END"}, not the here-string {@code <<<}: the delimiter is group 2. */
    private static final Pattern HERE_DOCUMENT_OPENER = Pattern.compile("(?<!<)<<(?!<)-?\\s*(['\"]?)([A-Za-z_]\\w*)\\1");
    /** What PowerShell shows before each further line of a command it waits to see completed (a pipe at the end). */
    private static final String POWERSHELL_CONTINUATION_PROMPT = ">> ";
    private static final String ROOT_PROMPT = "# ";
    private static final Pattern BLANKS_AND_SEMICOLONS = Pattern.compile("[\\s;]+");

    private ConsoleTranscript() {
    }

    /**
     * Whether a code block is a transcript: a console language, any line behind a prompt no script line starts with
     * ({@code $ }, {@code [root@host ~]# }, {@code PS C:\> }), a first line behind a network device's prompt, or
     * commands behind {@code # } with their output
     * ({@code # } alone is not enough, since it also starts shell comments).
     */
    static boolean isTranscript(String language, String code) {
        if (CodeLanguage.isConsole(language)) {
            return true;
        }
        // every such prompt ends in "$ ", "# " or "> ": without one the regex would only try each line in vain
        if ((code.contains("$ ") || code.contains("# ") || code.contains("> ")) && UNMISTAKABLE_PROMPT.matcher(code).find()) {
            return true;
        }
        if ((CodeLanguage.isUnspecified(language) || CodeLanguage.isShell(language)) && devicePromptOf(code.strip()) != null) {
            return true;
        }
        return (CodeLanguage.isUnspecified(language) || CodeLanguage.isShell(language)) && code.contains(ROOT_PROMPT)
                && isRootTranscript(code);
    }

    /**
     * "# yum -y update openssl" then "Loaded plugins: ..." and "Complete!": root's commands and their output, even in a
     * bash block, where "# words" would otherwise be a comment. A line that is a command without the prompt makes the
     * block a script (its "# " lines are comments), and without output lines there is nothing to tell them apart.
     */
    private static boolean isRootTranscript(String code) {
        boolean promptedCommand = false;
        boolean output = false;
        for (String line : LINE_BREAK.split(code)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                // a comment's words are no known program's ("# rotate db credentials")
                promptedCommand |= line.startsWith(ROOT_PROMPT) && CommandRecognizer.isBlockCommand(line);
            } else if (CommandRecognizer.isBlockCommand(line) || CommandRecognizer.isAssignment(line)) {
                return false;
            } else {
                output = true;
            }
        }
        return promptedCommand && output;
    }

    /**
     * The commands of a transcript joined with "\n"; a shell command runs on over lines while it is incomplete. A
     * transcript with a prompt only shells show keeps the shell's commands (after {@code $ ssh netops@sw-03}, what is
     * typed at {@code sw-03#} goes to the device); one with device prompts and no such prompt keeps the device's, each a
     * line of its own (device CLIs know no quotes: "description John's desk" is complete), and "% Invalid input" is
     * the device's answer, no csh prompt.
     */
    static String commands(String transcript) {
        return commands(transcript, false);
    }

    /**
     * @param console whether the block is marked a console transcript: there, when no other prompt shows, "# " is root's
     *                prompt, so the words of any program behind it are a command ({@code # gitlab-backup restore
     *                BACKUP=...}), not a comment
     */
    static String commands(String transcript, boolean console) {
        String[] lines = LINE_BREAK.split(transcript, -1);
        boolean shell = false;
        boolean device = false;
        for (String line : lines) {
            shell |= SHELL_PROMPT.matcher(line).lookingAt();
            device |= devicePromptOf(line) != null;
        }
        boolean deviceOnly = device && !shell;
        // a console of root's alone: beside a user's "$ " prompt, "# ..." lines are output (a commented config line)
        boolean rootConsole = console && !shell && !device;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String prompt = deviceOnly ? devicePromptOf(lines[i]) : shellPromptOf(lines[i]);
            // behind a bare "# " the words of no command are a comment ("# check the leader"), not root's command
            if (prompt == null || prompt.equals(ROOT_PROMPT) && !CommandRecognizer.isBlockCommand(lines[i])
                    && !CommandRecognizer.isProgramName(lines[i].substring(prompt.length()).strip())
                    && !(rootConsole && CommandRecognizer.isCommandOfAnyProgram(lines[i].substring(prompt.length()).strip()))) {
                continue;
            }
            if (deviceOnly) {
                commands.add(lines[i].substring(prompt.length()).stripTrailing());
                continue;
            }
            StringBuilder command = new StringBuilder(lines[i].substring(prompt.length()));
            // an incomplete command runs on, and so does a block's body behind the shell's continuation prompt (PS2);
            // the prompt itself is no part of the command (here documents: see withHereDocument)
            boolean powerShell = prompt.startsWith("PS");
            while (i + 1 < lines.length && (ShellWords.isIncomplete(command.toString().stripTrailing())
                    || lines[i + 1].startsWith(CONTINUATION_PROMPT) && opensABlock(command)
                    || powerShell && lines[i + 1].startsWith(POWERSHELL_CONTINUATION_PROMPT))) {
                String next = lines[++i];
                String prefix = next.startsWith(POWERSHELL_CONTINUATION_PROMPT) && powerShell ? POWERSHELL_CONTINUATION_PROMPT
                        : next.startsWith(CONTINUATION_PROMPT) ? CONTINUATION_PROMPT : "";
                command.append('\n').append(next.substring(prefix.length()));
            }
            i = withHereDocument(command, lines, i);
            if (!command.toString().isBlank()) {
                commands.add(command.toString().stripTrailing());
            }
        }
        return String.join("\n", commands);
    }

    /**
     * A here document pasted without the continuation prompt ({@code $ curl ... --data @- <<'EOF'}, the body, then
     * {@code EOF}): its lines up to the closing one are the command's, not output. Returns the index of the last line
     * taken.
     */
    private static int withHereDocument(StringBuilder command, String[] lines, int at) {
        Matcher opener = HERE_DOCUMENT_OPENER.matcher(command);
        if (!opener.find()) {
            return at;
        }
        String delimiter = opener.group(2);
        boolean tabsStripped = opener.group().startsWith("<<-");
        for (String line : LINE_BREAK.split(command.substring(opener.end()))) {
            if (closes(line, delimiter, tabsStripped)) {
                return at; // closed behind the continuation prompt already
            }
        }
        for (int closing = at + 1; closing < lines.length; closing++) {
            // behind the continuation prompt the closing line shows it too; without it, "> file" is the body's own
            boolean prompted = lines[closing].startsWith(CONTINUATION_PROMPT);
            if (closes(prompted ? lines[closing].substring(CONTINUATION_PROMPT.length()) : lines[closing], delimiter, tabsStripped)) {
                for (int i = at + 1; i <= closing; i++) {
                    command.append('\n').append(prompted ? withoutContinuationPrompt(lines[i]) : lines[i]);
                }
                return closing;
            }
        }
        return at;
    }

    private static boolean closes(String line, String delimiter, boolean tabsStripped) {
        return (tabsStripped ? line.replaceFirst("^\t+", "") : line).equals(delimiter);
    }

    private static String withoutContinuationPrompt(String line) {
        return line.startsWith(CONTINUATION_PROMPT) ? line.substring(CONTINUATION_PROMPT.length()) : line;
    }

    /**
     * Whether the command so far opens a block the shell waits to see closed ("for h in a b; do", "if ...; then",
     * "f() {"): its next lines come behind the continuation prompt. Another program's "> " prompt follows a complete
     * command ("mongo --quiet").
     */
    private static boolean opensABlock(CharSequence command) {
        int open = 0;
        for (String word : BLANKS_AND_SEMICOLONS.split(command)) {
            switch (word) {
                case "do", "then", "case", "{" -> open++;
                case "done", "fi", "esac", "}" -> open--;
                default -> {
                }
            }
        }
        return open > 0 || command.toString().stripTrailing().endsWith("{");
    }

    /**
     * Whether a line of the transcript is typed into an interactive client ({@code orders=# SELECT ...},
     * {@code mysql> STOP REPLICA;}, {@code 127.0.0.1:6379> INFO}): no shell command, but what the step is about.
     */
    static boolean holdsClientInput(String transcript) {
        return CLIENT_PROMPT.matcher(transcript).find();
    }

    /** The text without a leading prompt. */
    static String withoutPrompt(String line) {
        String prompt = promptOf(line);
        return prompt == null ? line : line.substring(prompt.length());
    }

    /** Whether the line's first word holds a '#' or '>' after its first character, as every device prompt does. */
    private static boolean endsItsFirstWordWithAPrompt(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' || c == '>') {
                return i > 0;
            }
            if (c == ' ' || c == '\t' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** The prompt the line starts with, or null. */
    private static String promptOf(String line) {
        String shell = shellPromptOf(line);
        return shell != null ? shell : devicePromptOf(line);
    }

    private static String shellPromptOf(String line) {
        Matcher prompt = PROMPT.matcher(line);
        return prompt.find() ? prompt.group() : null;
    }

    private static String devicePromptOf(String line) {
        if (line.startsWith(ADC_PROMPT) && ADC_COMMAND.matcher(line).lookingAt()) {
            return ADC_PROMPT;
        }
        if (line.contains("@(")) {
            Matcher tmsh = TMSH_PROMPT.matcher(line);
            if (tmsh.lookingAt()) {
                return tmsh.group();
            }
        }
        if (!endsItsFirstWordWithAPrompt(line)) {
            return null; // most lines: no regex run for them (every inline code and block line comes here)
        }
        Matcher bootLoader = BOOT_LOADER_PROMPT.matcher(line);
        if (bootLoader.lookingAt()) {
            return bootLoader.group();
        }

        Matcher prompt = DEVICE_PROMPT.matcher(line);
        if (!prompt.find()) {
            return null;
        }
        if (prompt.group(1) == null) {
            return prompt.group();
        }
        String host = prompt.group(1).substring(0, prompt.group(1).length() - 1);
        if (PROGRAM_PROMPTS.contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        // checked without a prompt of its own, so that "a#b#c..." is not looked into prompt by prompt
        String rest = line.substring(prompt.end());
        return !DEVICE_PROMPT.matcher(rest).find() && CommandRecognizer.isBlockCommand(rest) ? prompt.group() : null;
    }
}
