package io.playbooks.conversion;

import io.playbooks.playbook.Image;
import io.playbooks.playbook.Snippet;
import io.playbooks.playbook.Step;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one step from its content (a list item, the part under a numbered heading, a table row, a task): its
 * text, commands (code macros in shell-like languages and inline code that is a command), snippets, notes and
 * warnings (panels), images, and substeps (a nested ordered list). A nested unordered list stays part of the
 * step's text and commands.
 */
final class StepReader {

    private static final int NAME_LIMIT = 100;
    /** A time or a point of a schedule that leads a step: "10:10 UTC", "09:15", "T-30 min", "Day 2"; no "1.28". */
    private static final Pattern WHEN = Pattern.compile("(?:\\d{1,2}:\\d{2}(?: ?(?:[AaPp]\\.?[Mm]\\.?|UTC|GMT|CES?T|[ECMP][SD]T|BST))?"
            + "|T ?[-+\u2212] ?\\d+(?: ?(?:min|mins|minutes|h|hours?|days?))?|[Dd]ay \\d+)");
    /**
     * Stands for a colon of inline code or of a link while the name is cut at the step's first colon: "If it shows
     * `seqno: -1`", "Follow SOP: reboot a host".
     */
    private static final char CODE_COLON = '\uE000';
    /** Lists nested deeper than this stay part of their step's text: no runbook nests further, and it bounds recursion. */
    static final int MAX_SUBSTEP_DEPTH = 8;
    /** Words that forbid the command after them: it is named, not to be run. */
    private static final List<String> FORBIDDING = List.of("do not run", "don't run", "never run", "must not run",
            "should not run", "do not use", "don't use", "never use", "avoid running", "do not execute", "never execute");
    /** Verbs before inline code that make a program's bare path or a program no list knows a command ("Run /opt/x/bin/tool"). */
    private static final Set<String> RUN_VERBS = Set.of("run", "execute", "launch", "invoke");
    /**
     * A sentence that gives the code block after it as a file's content ("Create the script {@code x.sh} with this
     * content:", "Save the following as {@code x.sh}:", "Add these lines to ~/.bashrc:"): the step makes a file, and the
     * block, whatever its language, is what goes into it, not a command to run.
     */
    private static final Pattern MAKES_A_FILE = Pattern.compile("\\b(?:create|write|save|put|paste|add|append|place)\\b");
    private static final Pattern GIVES_ITS_CONTENT = Pattern.compile("\\bwith (?:the following|this|these)(?: \\w+)? "
            + "(?:content|contents|lines?|text)\\b|\\bthe following (?:lines? )?(?:as|to|into|in)\\b|\\bthese lines\\b");
    /** "Paste the following into the terminal": the block is run where the sentence says. */
    private static final Pattern A_PLACE_TO_RUN = Pattern.compile("\\b(?:terminal|shell|console|session|prompt|cloud ?shell)\\b");
    /** Words before a file's bare path that speak of the file, not of running it ("CATALINA_OPTS in /usr/.../setenv.sh"). */
    private static final Set<String> PLACE_WORDS = Set.of("in", "into", "inside", "from", "of", "at", "under", "to",
            "edit", "open", "view", "create", "write", "save", "copy", "as", "named", "called");
    /** Words that name a file's kind before its path ("Create the backup script {@code /usr/...}"). */
    private static final Set<String> FILE_KINDS = Set.of("script", "file", "unit", "wrapper");
    /** How many words before a path the walk to the word that leads to the file's kind goes at most. */
    private static final int FILE_KIND_REACH = 6;
    /** Words that lead into a command and mean nothing once it is cut off the name. */
    private static final Set<String> LEADING_INTO_A_COMMAND = Set.of("with", "using", "via", "by", "and", "the", "a", "an");
    /**
     * Words after which a sentence goes on through the command ("Wait until {@code ceph -s} reports HEALTH_OK", "shows
     * UN in {@code nodetool status}").
     */
    private static final Set<String> WANTS_A_CLAUSE = Set.of("until", "till", "whether", "that", "if", "when", "while",
            "unless", "once", "in", "on", "at", "of", "from", "to", "into", "for", "under", "inside");

    private final String id;
    private final int depth;
    private final StringBuilder text = new StringBuilder();
    private final List<String> commands = new ArrayList<>();
    private final List<Snippet> snippets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private final List<Step> substeps = new ArrayList<>();
    /** Inline code already read as the end of the code before it, when the walk comes to it. */
    private final ArrayDeque<Element> joinedChips = new ArrayDeque<>(0);
    /** Where in {@link #text} the first command appeared: the step's name ends there at the latest. */
    private int nameEnd = -1;
    /** Where in {@link #text} the last "; " between items or cells was put. */
    private int separatorAt = -1;

    /** The cells of a step table's command column: the code in them is a command, whoever's program it runs. */
    private final Set<Element> commandCells;
    private boolean inCommandCell;

    private StepReader(String id, int depth, Set<Element> commandCells) {
        this.id = id;
        this.depth = depth;
        this.commandCells = commandCells;
    }

    /**
     * @param title the title of a numbered heading, which names the step; null or blank to name it from its content
     * @return the step, or empty when the content holds nothing to do or show (an empty list item or task)
     */
    static Optional<Step> read(String id, String title, List<? extends Node> content) {
        return read(id, 0, title, content, Set.of());
    }

    /** A row of a step table, whose {@code commandCells} (of a Command column) hold commands, not prose or values. */
    static Optional<Step> readRow(String id, String title, List<Element> cells, Set<Element> commandCells) {
        return read(id, 0, title, cells, commandCells);
    }

    private static Optional<Step> read(String id, int depth, String title, List<? extends Node> content,
                                       Set<Element> commandCells) {
        StepReader reader = new StepReader(id, depth, commandCells);
        if (depth >= MAX_SUBSTEP_DEPTH) {
            content.forEach(reader::visit);
            return reader.step(title);
        }
        HeadingSubsteps.Split split = HeadingSubsteps.of(content);
        split.own().forEach(reader::visit);
        for (HeadingSubsteps.Part part : split.parts()) {
            read(id + "_" + (reader.substeps.size() + 1), depth + 1, part.title(), part.content(), commandCells)
                    .ifPresent(reader.substeps::add);
        }
        return reader.step(title);
    }

    private void visit(Node node) {
        if (node instanceof TextNode textNode) {
            text.append(textNode.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.tagName();
        if (tag.equals("ac:image")) {
            ImageReader.read(element).ifPresent(images::add);
            return;
        }
        if (PlainText.isHidden(tag)) {
            return;
        }
        if (Macros.isMacro(element)) {
            visitMacro(element);
            return;
        }
        if (tag.equals("ol") || tag.equals("ul") || tag.equals("ac:task-list")) {
            endNameBeforeAList();
        }
        switch (tag) {
            case "ol", "ac:task-list" -> {
                if (depth < MAX_SUBSTEP_DEPTH) {
                    readSubsteps(element);
                } else {
                    visitChildren(element, true);
                }
            }
            case "code" -> visitInlineCode(element);
            case "pre" -> visitCodeBlock(element);
            case "ac:link" -> text.append(PlainText.linkText(element).replace(':', CODE_COLON));
            case "a" -> visitLink(element);
            case "time" -> text.append(element.attr("datetime"));
            case "li", "td", "th" -> {
                separateFromWhatCameBefore();
                boolean outer = inCommandCell;
                inCommandCell |= commandCells.contains(element);
                int before = commands.size();
                int textBefore = text.length();
                visitChildren(element, true);
                inCommandCell = outer;
                if (commandCells.contains(element) && commands.size() == before) {
                    commandsWithoutCodeMarks(element, textBefore);
                }
            }
            default -> visitChildren(element, PlainText.isBlock(tag));
        }
    }

    /** A link's text is a title ("Grafana: Postgres bloat"), whose colon does not end the step's name. */
    private void visitLink(Element link) {
        if (link.childrenSize() > 0) { // code, an image: read as any other content
            visitChildren(link, false);
            return;
        }
        StringBuilder title = new StringBuilder();
        PlainText.append(link, title);
        text.append(title.toString().replace(':', CODE_COLON));
    }

    private void visitChildren(Element element, boolean block) {
        if (block) {
            text.append(' ');
        }
        // walked in place: childNodes() copies the list at every element
        for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
            visit(child);
        }
        if (block) {
            text.append(' ');
        }
    }

    private void visitMacro(Element macro) {
        if (SectionSplitter.isAside(macro)) {
            return; // an expand titled Rollback or See also is a section of its own, which StepExtractor reads
        }
        String name = Macros.name(macro);
        if (Macros.isCode(name)) {
            visitCodeBlock(macro);
            return;
        }
        Element body = Macros.richBody(macro);
        if (Macros.isNote(name) || Macros.isWarning(name)) {
            String panel = body == null ? "" : PlainText.of(body);
            if (!panel.isEmpty()) {
                (Macros.isWarning(name) ? warnings : notes).add(panel);
            }
            if (body != null) {
                // a code block in the panel ("Only if it is stale:" and the command) is code of the step, not lost
                ElementsByTag.in(body, tag -> tag.equals("ac:structured-macro") || tag.equals("ac:macro")).stream()
                        .filter(inner -> Macros.isCode(Macros.name(inner))).forEach(code -> addCode(CodeBlock.of(code)));
            }
        } else if (body != null) {
            visitChildren(body, true);
        } else {
            PlainText.append(macro, text);
        }
    }

    /** A code macro or {@code <pre>}: the step's command, or a sample when its sentence gives it as a file's content. */
    private void visitCodeBlock(Element block) {
        if (announcesAFilesContent()) {
            forgetTheFileNamed();
            snippets.add(CodeBlock.sample(block));
        } else {
            addCode(block.tagName().equals("pre") ? CodeBlock.ofPreformatted(block) : CodeBlock.of(block));
        }
    }

    private void addCode(CodeBlock code) {
        if (code.snippet() != null) {
            snippets.add(code.snippet());
        }
        if (code.command() != null && !code.command().isBlank()) {
            addCommand(code.command());
        }
    }

    private void visitInlineCode(Element code) {
        if (code == joinedChips.peekFirst()) {
            joinedChips.removeFirst(); // the walk meets the chips in document order, the order they were joined in
            return;
        }
        String literal = code.wholeText();
        Element next = InlineCode.nextChip(code);
        if (next != null) {
            StringBuilder whole = new StringBuilder(literal);
            for (Element chip = next; chip != null; chip = InlineCode.nextChip(chip)) {
                whole.append(chip.wholeText());
                joinedChips.addLast(chip);
            }
            literal = whole.toString();
        }
        literal = literal.replace('\u00a0', ' ').strip();
        String before = lastWordSoFar();
        boolean command = !forbidsWhatFollows() && (RUN_VERBS.contains(before)
                ? CommandRecognizer.isCommand(literal) || CommandRecognizer.isRunnable(literal)
                : inCommandCell ? CommandRecognizer.isCommand(literal) || CommandRecognizer.isCommandOfAnyProgram(literal)
                : CommandRecognizer.isCommand(literal) && !(CommandRecognizer.isBarePath(literal)
                        && PLACE_WORDS.contains(wordBeforeTheFileKind())));
        if (command) {
            addCommand(ConsoleTranscript.withoutPrompt(literal));
        }
        text.append(literal.replace(':', CODE_COLON));
    }

    /**
     * A Command cell that holds its commands as plain text ({@code sudo storcli64 /c0/e252/s4 show rebuild}, typed
     * without code formatting), a line or paragraph each: its commands, when every line is one and no sentence. The
     * step's name ends where the cell began.
     */
    private void commandsWithoutCodeMarks(Element cell, int cellStart) {
        if (!cell.select("code, pre, ac|structured-macro, ac|macro").isEmpty()) {
            return;
        }
        List<String> lines = PlainText.lines(cell);
        if (lines.isEmpty() || !lines.stream().allMatch(CommandRecognizer::isPlainTextCommand)) {
            return;
        }
        if (nameEnd < 0) {
            nameEnd = cellStart;
        }
        lines.forEach(line -> commands.add(ConsoleTranscript.withoutPrompt(line)));
    }

    /**
     * Whether the step's text so far ends by forbidding what comes next: "Do not run {@code gcloud sql instances
     * promote-replica}: it breaks replication" names a command that must never be run as the step's action.
     */
    private boolean forbidsWhatFollows() {
        int end = withoutTrailingBlanks(text.length());
        String tail = PlainText.normalize(text.substring(Math.max(0, end - 24), end)).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'');
        for (String words : FORBIDDING) {
            if (tail.endsWith(words) && (tail.length() == words.length()
                    || !Character.isLetter(tail.charAt(tail.length() - words.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private boolean announcesAFilesContent() {
        String sentence = lastSentenceSoFar();
        return MAKES_A_FILE.matcher(sentence).find() && GIVES_ITS_CONTENT.matcher(sentence).find()
                && !A_PLACE_TO_RUN.matcher(sentence).find();
    }

    /**
     * "Create the helper {@code /usr/local/sbin/drain.sh} with this content:": the script's path, taken for a command
     * to run when it came, is the file the block goes into.
     */
    private void forgetTheFileNamed() {
        int last = commands.size() - 1;
        if (last >= 0 && CommandRecognizer.isBarePath(commands.get(last))
                && lastSentenceSoFar().contains(commands.get(last).toLowerCase(Locale.ROOT))) {
            commands.remove(last);
            if (commands.isEmpty()) {
                nameEnd = -1; // the name ran to the path as to a command: it is the sentence's again
            }
        }
    }

    /**
     * The step's text since the end of its sentence before (a full stop, a semicolon or a colon that more text follows:
     * "Save the following as x.plist: ... Load it:"), in lower case; a file name's dot ends nothing.
     */
    private String lastSentenceSoFar() {
        int end = withoutTrailingBlanks(text.length());
        int start = Math.max(Math.max(text.lastIndexOf(". ", end - 2), text.lastIndexOf("; ", end - 2)),
                text.lastIndexOf(": ", end - 2));
        return text.substring(start < 0 ? 0 : start + 2, end).toLowerCase(Locale.ROOT);
    }

    /** The last word of the step's text so far, in lower case ("run" before "Run {@code ...}"), or "". */
    private String lastWordSoFar() {
        int end = withoutTrailingBlanks(text.length());
        return text.substring(wordStart(end), end).toLowerCase(Locale.ROOT);
    }

    /**
     * What the text does with the path after it: the word before it ("in", "edit"), or, when the path follows the
     * file's kind, the word that leads to that kind ("Create the backup script", "in the unit file"), else "".
     */
    private String wordBeforeTheFileKind() {
        int end = withoutTrailingBlanks(text.length());
        boolean kindNamed = false;
        for (int words = 0; words < FILE_KIND_REACH; words++) {
            int start = wordStart(end);
            String word = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (FILE_KINDS.contains(word)) {
                kindNamed = true;
            } else if (!kindNamed || word.isEmpty() || PLACE_WORDS.contains(word) || RUN_VERBS.contains(word)) {
                return word;
            }
            end = withoutTrailingBlanks(start);
        }
        return "";
    }

    private int withoutTrailingBlanks(int end) {
        while (end > 0 && PlainText.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private int wordStart(int end) {
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /**
     * Items of a nested list and cells of a row read as parts, not as one run-on sentence ("checking df after each
     * item: sudo journalctl ...; Heap dumps in /var/tmp: ask the team"); after a colon the list is what it announced.
     */
    private void separateFromWhatCameBefore() {
        int end = withoutTrailingBlanks(text.length());
        if (end > 0 && ":;,".indexOf(text.charAt(end - 1)) < 0) {
            text.setLength(end); // only blanks go: a name that ended there ends at the same words
            nameEnd = Math.min(nameEnd, end);
            separatorAt = text.length();
            text.append("; ");
        }
    }

    /** A nested list says more of the step, item by item: the name is the text before it, the list stays in the text. */
    private void endNameBeforeAList() {
        if (nameEnd < 0 && !text.isEmpty() && !PlainText.normalize(text).isEmpty()) {
            nameEnd = text.length();
        }
    }

    private void addCommand(String command) {
        if (nameEnd < 0) {
            nameEnd = text.length();
        }
        commands.add(command);
    }

    private void readSubsteps(Element list) {
        for (List<Node> content : ListItems.of(list)) {
            read(id + "_" + (substeps.size() + 1), depth + 1, null, content, commandCells).ifPresent(substeps::add);
        }
    }

    private Optional<Step> step(String title) {
        if (separatorAt >= 0 && PlainText.normalize(text.substring(separatorAt)).equals(";")) {
            text.setLength(separatorAt); // only an empty cell or item followed the last separator: nothing to part
            nameEnd = Math.min(nameEnd, separatorAt);
        }
        String marked = PlainText.normalize(text);
        String fullText = withCodeColons(marked);
        String name = title != null && !title.isBlank() ? title
                : withCodeColons(nameFrom(marked, nameEnd < 0 ? text.length() : nameEnd));
        if (name.isEmpty()) {
            name = nameFromWhatItHolds();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Action action = Action.of(commands, fullText.isEmpty() ? name : fullText);
        return Optional.of(new Step(id, name, action.type(), action.args(),
                StepDescription.of(fullText, name, action, commands), notes, warnings, snippets, images, substeps));
    }

    /**
     * A step without text (a list item holding only a command, a panel, a screenshot or a code sample) is named by
     * what it holds, so that it stays a step instead of failing the playbook's schema.
     */
    private String nameFromWhatItHolds() {
        if (!commands.isEmpty()) {
            return firstLine(commands.get(0));
        }
        for (List<String> panels : List.of(warnings, notes)) {
            if (!panels.isEmpty()) {
                return shorten(panels.get(0));
            }
        }
        if (!images.isEmpty()) {
            Image image = images.get(0);
            String shown = image.alt() != null && !image.alt().isBlank() ? image.alt()
                    : image.filename() != null ? image.filename() : image.url();
            return shorten("See " + PlainText.normalize(shown == null ? "the image" : shown));
        }
        if (!snippets.isEmpty()) {
            return firstLine(snippets.get(0).code());
        }
        // the substeps' names in short, not the first one's alone, which would read as that substep twice
        return shorten(String.join("; ", substeps.stream().map(Step::name).toList()));
    }

    private static String withCodeColons(String text) {
        return text.indexOf(CODE_COLON) < 0 ? text : text.replace(CODE_COLON, ':');
    }

    /**
     * A block's first line names it, not all its lines run together; a trailing backslash (or PowerShell's backtick,
     * cmd's caret) only continues that line.
     */
    private static String firstLine(String code) {
        String stripped = code.strip();
        int lineEnd = stripped.indexOf('\n');
        String line = PlainText.normalize(lineEnd < 0 ? stripped : stripped.substring(0, lineEnd));
        boolean continued = line.endsWith(" \\") || line.endsWith(" `") || line.endsWith(" ^");
        return shorten(continued ? line.substring(0, line.length() - 2) : line);
    }

    /** The text before the step's first command, cut at its first colon outside inline code. */
    private String nameFrom(String fullText, int rawEnd) {
        String name = rawEnd == text.length() ? fullText : PlainText.normalize(text, rawEnd);
        int colon = colonOutsideBrackets(name);
        // "10:10 UTC: stop the writer", "T-30 min: freeze merges": the time says when, what follows says what
        if (colon > 0 && colon + 1 < name.length() && WHEN.matcher(name.substring(0, colon)).matches()) {
            name = name.substring(colon + 1).strip();
            colon = colonOutsideBrackets(name);
        }
        // "If the exit code is 137: raise the memory limit": the condition alone names no action; "If it fails, restart
        // it: <command>" has its action before the colon
        if (colon > 0 && !(startsWithACondition(name) && name.lastIndexOf(", ", colon) < 0)) {
            name = name.substring(0, colon);
        }
        name = firstSentence(name);
        int end = name.length();
        // "Check the plugin is installed (" before "helm plugin list)": an opening bracket or a dash leads nowhere
        while (end > 0 && " ,;:.([{-\u2013\u2014".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        String cut = name.substring(0, end);
        if (rawEnd == text.length()) {
            return shorten(cut);
        }
        String beforeTheCommand = withoutDanglingWord(cut);
        // "Run", "Wait until", "Check whether" before the command: the sentence goes on through it, and names the step
        // ("Reload – <command>" and "Reload: <command>" set the name apart)
        boolean setApart = !name.substring(end).isBlank();
        return leadsOnly(beforeTheCommand, setApart) ? nameFrom(fullText, text.length()) : shorten(beforeTheCommand);
    }

    /** Words before a command that say nothing without it: a lone word, or words ending in one that wants a clause. */
    private static boolean leadsOnly(String name, boolean setApart) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? !setApart : WANTS_A_CLAUSE.contains(name.substring(space + 1).toLowerCase(Locale.ROOT));
    }

    /** "Connect as the master user with" before {@code psql ...}: the words that led into the command go with it. */
    private static String withoutDanglingWord(String name) {
        String kept = name;
        for (int space = kept.lastIndexOf(' '); space > 0
                && LEADING_INTO_A_COMMAND.contains(kept.substring(space + 1).toLowerCase(Locale.ROOT));
                space = kept.lastIndexOf(' ')) {
            kept = kept.substring(0, space);
        }
        return kept;
    }

    /** The first ": " (or a colon ending the text) that no bracket encloses ("Pause it (body: {...})" has none). */
    private static int colonOutsideBrackets(String name) {
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0 && (i + 1 == name.length() || name.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithACondition(String name) {
        return name.startsWith("If ") || name.startsWith("When ") || name.startsWith("Unless ");
    }

    /** The text up to its first full stop that ends a sentence, when a second sentence follows. */
    private static String firstSentence(String name) {
        for (int at = name.indexOf(". "); at > 0; at = name.indexOf(". ", at + 1)) {
            boolean nextStartsASentence = at + 2 < name.length() && Character.isUpperCase(name.charAt(at + 2));
            // "e.g. Nginx", "v1. The": a short word before the stop is no sentence's end
            int wordStart = name.lastIndexOf(' ', at) + 1;
            boolean abbreviation = name.substring(wordStart, at).indexOf('.') >= 0; // "e.g.", "i.e.", "v1.2."
            if (nextStartsASentence && at - wordStart > 2 && !abbreviation && Character.isLowerCase(name.charAt(at - 1))) {
                return name.substring(0, at);
            }
        }
        return name;
    }

    private static String shorten(String name) {
        if (name.length() <= NAME_LIMIT) {
            return name;
        }
        int space = name.lastIndexOf(' ', NAME_LIMIT);
        return name.substring(0, space > NAME_LIMIT / 2 ? space : NAME_LIMIT) + "...";
    }
}
