package io.playbooks.conversion;

import io.playbooks.playbook.Prerequisite;
import io.playbooks.playbook.Snippet;
import io.playbooks.playbook.Step;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Walks the sections of a page in document order and collects steps (ordered lists, numbered headings, step
 * tables, task lists), rollback steps, prerequisites and the description.
 */
final class StepExtractor {

    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^\\w.-]+");
    private static final Evaluator ITEMS = QueryParser.parse("li, ac|task");
    /** Rows and columns of a table whose lists name people to call or pages to read, not steps. */
    private static final Set<String> PEOPLE_OR_LINKS = Set.of("who", "owner", "owners", "contact", "contacts",
            "escalation", "people", "on-call", "oncall", "link", "links", "reference", "references", "related", "history");

    private final List<Step> steps = new ArrayList<>();
    private final List<Step> rollback = new ArrayList<>();
    private final List<Prerequisite> prerequisites = new ArrayList<>();
    private final List<String> headings = new ArrayList<>();
    private String description;
    private final List<Step> headingSteps = new ArrayList<>();
    /** Panels and introductions of the page's procedure sections still waiting for a step. */
    private final LeadIns pageLeadIns = new LeadIns();
    /** The panels and sentences before the first step: they speak of the whole procedure. */
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int listedSteps;
    private int linkOnlySteps;

    private StepExtractor() {
    }

    static Extraction extract(Document page) {
        StepExtractor extractor = new StepExtractor();
        for (Section section : SectionSplitter.split(page)) {
            extractor.read(section);
        }
        return new Extraction(extractor.description == null ? "" : extractor.description, extractor.notes,
                extractor.warnings, ParameterFinder.find(page, extractor.steps, extractor.rollback), extractor.prerequisites,
                extractor.steps, extractor.rollback, extractor.headings, extractor.headingSteps,
                extractor.listedSteps, extractor.linkOnlySteps);
    }

    private void read(Section section) {
        if (section.heading() != null) {
            headings.add(section.heading());
        }
        findDescription(section);
        if (section.kind() == SectionKind.PROCEDURE || section.kind() == SectionKind.ROLLBACK) {
            readAsides(section.blocks());
        }
        switch (section.kind()) {
            case PREREQUISITES -> {
                readPrerequisites(section.blocks());
                readPanels(section.blocks());
            }
            case PROCEDURE -> readSteps(section, steps, () -> "step_" + (steps.size() + 1));
            case ROLLBACK -> readSteps(section, rollback, () -> "rollback_" + (rollback.size() + 1));
            case NO_STEPS -> {
            }
        }
    }

    /**
     * A note or warning panel beside the prerequisites ("Renew one proxy at a time") speaks of the whole procedure:
     * the playbook's own, as a panel before the first step is.
     */
    private void readPanels(List<Element> blocks) {
        LeadIns panels = new LeadIns();
        blocks.forEach(block -> panels.collect(block, null, ""));
        panels.moveTo(notes, warnings);
    }

    /** The sections that expands inside steps hold ("Rollback" in a list item): read as sections of their own. */
    private void readAsides(List<Element> blocks) {
        for (Element block : blocks) {
            String tag = block.tagName();
            // the splitter has unwrapped the expands standing in the page: only lists and tables hold any still
            if (!tag.equals("ol") && !tag.equals("ul") && !tag.equals("ac:task-list") && !tag.equals("table")) {
                continue;
            }
            for (Element macro : ElementsByTag.in(block, Macros::isMacroTag)) {
                // only the outermost: reading an aside reads the asides inside it, each once
                if (SectionSplitter.isAside(macro) && !insideAnAside(macro, block)) {
                    SectionSplitter.asideInAStep(macro).ifPresent(this::read);
                }
            }
        }
    }

    /**
     * The step of a numbered heading. Inline code in the heading ("Step 2: Run {@code ./reindex.sh}") is a command of
     * the step, joined with those below it, unless the command below runs what the heading names ("Step 3 - Run
     * {@code liquibase releaseLocks}" over {@code kubectl run ... liquibase ... releaseLocks}): then the heading only
     * names the step, and its code stays in the name.
     */
    private static Optional<Step> headingStep(Section section, String id) {
        if (section.titleCommands().isEmpty()) {
            return StepReader.read(id, section.stepTitle(), section.blocks());
        }
        Optional<Step> fromBody = StepReader.read(id, NumberedHeading.nameBeforeAColon(section.stepTitle(),
                section.titleCommands().get(0)), section.blocks());
        if (fromBody.filter(step -> runsWhatIsNamed(step, section.titleCommands())).isPresent()) {
            return fromBody;
        }
        List<Node> content = new ArrayList<>(section.titleCommands());
        content.addAll(section.blocks());
        String name = NumberedHeading.nameBefore(section.stepTitle(), section.titleCommands().get(0));
        return StepReader.read(id, name, content);
    }

    /**
     * Whether the step's shell command holds every word of the heading's commands, compared word by word (a name
     * cut at anything but a letter, digit, dot or dash), so that {@code nginx} is not found in {@code nginx-exporter}.
     */
    private static boolean runsWhatIsNamed(Step step, List<Element> headingCommands) {
        if (!step.action().equals(Step.SHELL)) {
            return false;
        }
        Set<String> commandWords = Set.copyOf(Arrays.asList(NAME_SEPARATORS.split(String.valueOf(step.args().get("command")))));
        for (Element code : headingCommands) {
            for (String word : NAME_SEPARATORS.split(code.wholeText().strip())) {
                if (!word.isEmpty() && !commandWords.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean insideAnAside(Element macro, Element block) {
        for (Element parent = macro.parent(); parent != null && parent != block; parent = parent.parent()) {
            if (SectionSplitter.isAside(parent)) {
                return true;
            }
        }
        return false;
    }

    private void readSteps(Section section, List<Step> target, Supplier<String> nextId) {
        if (section.stepHeading()) {
            headingStep(section, nextId.get()).ifPresent(step -> {
                target.add(step);
                headingSteps.add(step);
                if (target == steps && !pageLeadIns.isEmpty()) {
                    attach(pageLeadIns, target, target.size() - 1); // a warning above "2. Drain the node"
                }
            });
            return;
        }
        List<Element> blocks = section.blocks();
        LeadIns leadIns = target == steps ? pageLeadIns : new LeadIns();
        int sectionStart = target.size();
        boolean listRead = false;
        for (int b = 0; b < blocks.size(); b++) {
            Element block = blocks.get(b);
            int before = target.size();
            leadIns.collect(block, b + 1 < blocks.size() ? blocks.get(b + 1) : null, description);
            switch (block.tagName()) {
                case "ol" -> {
                    List<List<Node>> items = ListItems.of(block);
                    int continuation = continuationOf(blocks, b);
                    int taken = continuation > b ? continuation - 1 : items.isEmpty() ? b : codeAnnounced(blocks, b, items.get(items.size() - 1));
                    if (taken > b && !items.isEmpty()) {
                        items.get(items.size() - 1).addAll(blocks.subList(b + 1, taken + 1));
                    }
                    readItems(items, target, nextId);
                    b = taken;
                    listRead |= !items.isEmpty();
                }
                case "ac:task-list" -> {
                    // "Refresh the reporting views:" and the code block after the list: the last task's command
                    List<List<Node>> items = ListItems.of(block);
                    int taken = items.isEmpty() ? b : codeAnnounced(blocks, b, items.get(items.size() - 1));
                    if (taken > b) {
                        items.get(items.size() - 1).addAll(blocks.subList(b + 1, taken + 1));
                    }
                    readItems(items, target, nextId);
                    b = taken;
                    listRead = true;
                }
                // "For each agent:" then the steps: an ordered list in a bullet item is a procedure all the same
                case "ul" -> {
                    for (Element item = block.firstElementChild(); item != null; item = item.nextElementSibling()) {
                        List<Element> lists = SectionSplitter.listsIn(item);
                        for (Element list : lists) {
                            int first = target.size();
                            readItems(ListItems.of(list), target, nextId);
                            // "Option A: from the snapshot", "mon-01 (Prometheus A)": what the steps are for
                            String said = textBeside(item, lists);
                            if (target.size() > first && !said.isEmpty()) {
                                target.set(first, target.get(first).withMore(List.of(said), List.of()));
                            }
                        }
                    }
                }
                case "table" -> {
                    if (StepTable.isStepTable(block)
                            && !(SectionKind.saysWhoDoesWhat(section.heading()) && !StepTable.namesActions(block))) {
                        List<String> after = StepTable.steps(block, nextId, target::add);
                        if (!after.isEmpty() && target.size() > before) {
                            target.set(target.size() - 1, target.get(target.size() - 1).withMore(after, List.of()));
                        }
                    } else {
                        for (Element list : listsInCells(block)) {
                            readItems(ListItems.of(list), target, nextId);
                        }
                    }
                }
                default -> {
                    // "Then check that it answers:" and a code block after the section's list: no step (none of the
                    // rules' four sources), but kept with the last step, as a sample beside it, rather than lost
                    int last = listRead && target.size() > sectionStart ? codeAfterTheSteps(blocks, b) : -1;
                    if (last >= b) {
                        keepWithTheLastStep(blocks.subList(b, last + 1), target);
                        b = last;
                    }
                }
            }
            if (target == steps) {
                listedSteps += target.size() - before;
            }
            if (target.size() > before && !leadIns.isEmpty()) {
                attach(leadIns, target, before);
            }
        }
        // a panel after the section's last list is inside no step (a sidebar's "Page info", "Escalate if neither case
        // fits"): the playbook's; one before any step waits for the next
        if (!leadIns.isEmpty() && target.size() > sectionStart) {
            leadIns.moveTo(notes, warnings);
        }
    }

    /** What stands before the playbook's first step is the playbook's; what stands before a later step is that step's. */
    private void attach(LeadIns leadIns, List<Step> target, int index) {
        if (target == steps && index == 0) {
            leadIns.moveTo(notes, warnings);
        } else {
            leadIns.attachTo(target, index);
        }
    }

    /**
     * The ordered and task lists that the cells of a table hold, in reading order: a page laid out in a table (a
     * page-properties block with a "Response" row) keeps its procedure there.
     */
    private static List<Element> listsInCells(Element table) {
        List<Element> lists = new ArrayList<>();
        List<Element> rows = TableReader.rows(table);
        List<String> header = null; // read once a cell holds a list: most tables hold none
        List<int[]> startColumns = null;
        for (int r = 0; r < rows.size(); r++) {
            List<Element> cells = TableReader.cells(rows.get(r));
            boolean rowHeaded = cells.size() >= 2 && cells.get(0).tagName().equals("th");
            for (int c = rowHeaded ? 1 : 0; c < cells.size(); c++) {
                List<Element> inCell = SectionSplitter.listsIn(cells.get(c));
                if (inCell.isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = headerNames(rows);
                    startColumns = TableReader.startColumns(rows);
                }
                int column = startColumns.get(r)[c];
                // an escalation table's lists name people to call, not steps
                boolean people = rowHeaded && namesPeopleOrLinks(PlainText.of(cells.get(0)))
                        || r > 0 && column < header.size() && namesPeopleOrLinks(header.get(column));
                if (!people) {
                    lists.addAll(inCell);
                }
            }
        }
        return lists;
    }

    /** The column names of a table whose first row is all header cells, else none. */
    private static List<String> headerNames(List<Element> rows) {
        boolean headerRow = !rows.isEmpty()
                && TableReader.cells(rows.get(0)).stream().allMatch(cell -> cell.tagName().equals("th"));
        return headerRow ? TableReader.header(rows) : List.of();
    }

    private static boolean namesPeopleOrLinks(String name) {
        for (String word : PlaybookDetector.words(name)) {
            if (PEOPLE_OR_LINKS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** One step an item; items that only link to other pages are counted, for detection (an index of pages). */
    private void readItems(List<List<Node>> items, List<Step> target, Supplier<String> nextId) {
        for (List<Node> content : items) {
            if (target == steps && LinkOnlyItem.is(content)) {
                linkOnlySteps++;
            }
            StepReader.read(nextId.get(), null, content).ifPresent(target::add);
        }
    }

    /** The words of a bullet item outside the list it holds. */
    private static String textBeside(Element item, List<Element> lists) {
        StringBuilder text = new StringBuilder();
        for (Node child : item.childNodes()) {
            if (child instanceof TextNode words) {
                text.append(words.text()).append(' ');
            } else if (child instanceof Element element && !lists.contains(element)
                    && SectionSplitter.listsIn(element).isEmpty()) {
                text.append(PlainText.of(element)).append(' ');
            }
        }
        return PlainText.normalize(text);
    }

    /**
     * Editors often split a numbered list around a code block: {@code <ol>..</ol> code <ol start="3">}. The
     * blocks between a list and its continuation belong to the list's last step; returns the index of the
     * continuing list, or -1 when the list at {@code index} is not continued.
     */
    private static int continuationOf(List<Element> blocks, int index) {
        for (int next = index + 1; next < blocks.size(); next++) {
            Element block = blocks.get(next);
            String tag = block.tagName();
            if (tag.equals("ol")) {
                return next > index + 1 && isContinuation(block) ? next : -1;
            }
            if (tag.equals("ul") || tag.equals("table") || tag.equals("ac:task-list") || SectionSplitter.headingLevel(block) > 0) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * "Check the master address on every Sentinel:" as a list's last item, and the code block after the list: the
     * block is what the item announced (the old editor could not put it inside). Returns the index of the last such
     * code block, or {@code index} when the item announces nothing or no code follows.
     */
    private static int codeAnnounced(List<Element> blocks, int index, List<Node> lastItem) {
        StringBuilder text = new StringBuilder();
        lastItem.forEach(node -> PlainText.append(node, text));
        if (!PlainText.normalize(text).endsWith(":")) {
            return index;
        }
        return Math.max(index, lastCodeBlockFrom(blocks, index + 1));
    }

    /** The index of the last of the code blocks (and empty paragraphs) from {@code from} on, or -1 when none is one. */
    private static int lastCodeBlockFrom(List<Element> blocks, int from) {
        int last = -1;
        for (int next = from; next < blocks.size() && (isCodeBlock(blocks.get(next)) || isEmptyParagraph(blocks.get(next))); next++) {
            last = isCodeBlock(blocks.get(next)) ? next : last;
        }
        return last;
    }

    /** The announcing paragraph as a note of the last step, the code blocks as its snippets in their language. */
    private static void keepWithTheLastStep(List<Element> blocks, List<Step> target) {
        List<String> notes = new ArrayList<>();
        List<Snippet> samples = new ArrayList<>();
        for (Element block : blocks) {
            if (block.tagName().equals("p")) {
                String text = PlainText.of(block);
                if (!text.isEmpty()) {
                    notes.add(text);
                }
            } else if (isCodeBlock(block)) {
                samples.add(CodeBlock.sample(block));
            }
        }
        int last = target.size() - 1;
        target.set(last, target.get(last).withMore(notes, List.of()).withSnippets(samples));
    }

    /**
     * A code block, or a paragraph announcing one ("Then check that it answers:"), among the blocks after a list of
     * steps: the index of the last code block that belongs to it, or -1 when the block at {@code index} is neither.
     */
    private static int codeAfterTheSteps(List<Element> blocks, int index) {
        if (blocks.get(index).tagName().equals("p")) {
            return PlainText.of(blocks.get(index)).endsWith(":") ? lastCodeBlockFrom(blocks, index + 1) : -1;
        }
        return lastCodeBlockFrom(blocks, index);
    }

    /** The editor's {@code <p class="auto-cursor-target"><br/></p>} between a list and a block: nothing a reader sees. */
    private static boolean isEmptyParagraph(Element block) {
        return block.tagName().equals("p") && block.children().stream().allMatch(child -> child.tagName().equals("br"))
                && block.text().isBlank();
    }

    private static boolean isCodeBlock(Element block) {
        return block.tagName().equals("pre") || Macros.isMacro(block) && Macros.isCode(Macros.name(block));
    }

    private static boolean isContinuation(Element list) {
        String start = list.attr("start").trim();
        return !start.isEmpty() && !start.equals("1") && start.chars().allMatch(Character::isDigit);
    }

    /** List items (ordered or not, panels included) are prerequisites; without any, the paragraphs are. */
    private void readPrerequisites(List<Element> blocks) {
        int before = prerequisites.size();
        for (Element block : blocks) {
            for (Element item : block.select(ITEMS)) {
                boolean nested = insideAnItem(item);
                Element content = item.tagName().equals("li") ? item : TaskList.bodyElement(item);
                // "The Vault CLI pointed at the node:" introduced a code block: the colon leads nowhere in the text
                String text = content == null ? "" : withoutTrailingColon(PlainText.of(content));
                if (!nested && !text.isEmpty() && !Placeholders.saysNothing(text)) {
                    prerequisites.add(Prerequisite.manualCheck(text));
                }
            }
        }
        if (prerequisites.size() == before) {
            blocks.stream().filter(block -> block.tagName().equals("table")).flatMap(table -> tableRows(table).stream())
                    .forEach(text -> prerequisites.add(Prerequisite.manualCheck(text)));
        }
        if (prerequisites.size() == before) {
            // "None." says there are none
            blocks.stream().filter(block -> block.tagName().equals("p")).map(PlainText::of)
                    .filter(text -> !text.isEmpty() && !Placeholders.saysNothing(text))
                    .forEach(text -> prerequisites.add(Prerequisite.manualCheck(text)));
        }
    }

    /**
     * The prerequisites a table lists, a row each ("Requirement | Notes"): the row's first cell that says something
     * (not a number) or the cell of its Requirement column, or the value of a row headed by its own cell
     * ("<th>Access</th><td>VPN</td>": the area names no requirement).
     */
    private static List<String> tableRows(Element table) {
        List<String> rows = new ArrayList<>();
        List<Element> tableRows = TableReader.rows(table);
        List<int[]> startColumns = TableReader.startColumns(tableRows);
        int requirement = TableReader.column(TableReader.header(tableRows), StepExtractor::namesARequirement);
        // a header row that names the columns ("Requirement | Notes") is no prerequisite, in th or in bold td
        for (int r = requirement >= 0 ? 1 : 0; r < tableRows.size(); r++) {
            List<Element> cells = TableReader.cells(tableRows.get(r));
            boolean rowHeaded = !cells.isEmpty() && cells.get(0).tagName().equals("th");
            if (cells.stream().allMatch(cell -> cell.tagName().equals("th"))) {
                continue; // the header row
            }
            int named = indexOf(startColumns.get(r), requirement);
            if (named >= 0) {
                String text = PlainText.of(cells.get(named));
                if (!text.isEmpty()) {
                    rows.add(text);
                }
                continue;
            }
            if (rowHeaded) {
                String name = PlainText.of(cells.get(0));
                String value = PlainText.of(cells.get(1));
                rows.add(value.isEmpty() ? name : value);
                continue;
            }
            cells.stream().map(PlainText::of).filter(text -> !text.isEmpty() && !isNumber(text)).findFirst()
                    .ifPresent(rows::add);
        }
        return rows;
    }

    private static String withoutTrailingColon(String text) {
        return text.endsWith(":") ? text.substring(0, text.length() - 1).stripTrailing() : text;
    }

    /** A header naming the column that says what is needed ("Requirement", "Prerequisite", "What you need"). */
    private static boolean namesARequirement(String column) {
        return column.startsWith("requirement") || column.startsWith("prerequisite") || column.startsWith("pre-requisite")
                || column.startsWith("what") || column.equals("item") || column.equals("check") || column.equals("need");
    }

    /** The index of the cell starting at that column, or -1 (no such column, or a cell spanning it from above). */
    private static int indexOf(int[] startColumns, int column) {
        if (column < 0) {
            return -1;
        }
        for (int c = 0; c < startColumns.length; c++) {
            if (startColumns[c] == column) {
                return c;
            }
        }
        return -1;
    }

    private static boolean isNumber(String text) {
        return text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '#');
    }

    private static boolean isItem(Element element) {
        return element.tagName().equals("li") || element.tagName().equals("ac:task");
    }

    private static boolean insideAnItem(Element item) {
        for (Element parent = item.parent(); parent != null; parent = parent.parent()) {
            if (isItem(parent)) {
                return true;
            }
        }
        return false;
    }

    private void findDescription(Section section) {
        // the paragraphs under a numbered heading are that step's text, not the page's description, and prose after
        // the first step ("Troubleshooting: if cmctl is not installed, ...") is not "before the procedure"
        if (description != null || section.kind() == SectionKind.PREREQUISITES || section.stepHeading() || !steps.isEmpty()) {
            return;
        }
        for (Element block : section.blocks()) {
            if (section.kind() == SectionKind.PROCEDURE && startsTheSteps(block)) {
                return;
            }
            if (block.tagName().equals("p") && !isALabel(block)) {
                String text = PlainText.of(block);
                if (!text.isEmpty() && !PageFieldLines.holds(block, text)) {
                    description = text;
                    return;
                }
            }
        }
    }

    private static boolean startsTheSteps(Element block) {
        String tag = block.tagName();
        return tag.equals("ol") || tag.equals("ac:task-list") || tag.equals("table") && StepTable.isStepTable(block);
    }

    /**
     * "<strong>On this page</strong>" over a table of contents: a short bold label, not the first paragraph of prose
     * (a bold sentence still is).
     */
    private static boolean isALabel(Element paragraph) {
        if (paragraph.childNodeSize() != 1 || !(paragraph.childNode(0) instanceof Element only)
                || !(only.tagName().equals("strong") || only.tagName().equals("b"))) {
            return false;
        }
        String text = PlainText.of(only);
        return !text.endsWith(".") && PlaybookDetector.words(text).size() <= 4;
    }
}
