package io.playbooks.conversion;

import io.playbooks.playbook.Step;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A table whose header names a step / action / command column: one step per row. */
final class StepTable {

    /** Words that name the command column, in the languages of the step words. */
    private static final Set<String> COMMAND_WORDS = Set.of("command", "commands", "cmd", "cmds", "befehl", "befehle", "kommando",
            "commande", "commandes", "comando", "comandos", "comandi", "commando", "opdracht",
            "コマンド", "命令");
    /**
     * Words that name a step column alone or with others ("Step No.", "Rollback action", "Command to run"), in
     * English and in the languages operations teams also write their pages in (German, French, Spanish, Portuguese,
     * Italian, Dutch, Japanese, Chinese).
     */
    private static final Set<String> STEP_WORDS = Set.of("step", "steps", "action", "actions", "command",
            "commands", "cmd", "cmds", "task", "tasks", "instruction", "instructions", "procedure",
            "schritt", "aktion", "maßnahme", "aufgabe", "étape", "etape", "tâche", "paso", "acción", "accion",
            "tarea", "passo", "ação", "acao", "tarefa", "azione", "attività", "stap", "actie", "taak", "手順", "操作",
            "作業", "作業内容", "実施内容", "操作内容", "步骤", "任务");
    private static final Set<String> STEP_NAMES = Set.of("what to do", "to do", "todo");
    /** Columns of meeting notes and decision logs, which hold no procedure. */
    private static final Set<String> NOT_STEP_NAMES = Set.of("action item", "action items", "action owner",
            "task owner", "task id", "command output");
    /** Names of things a column may hold that start with a step word: AWS Step Functions' workflows. */
    private static final Set<String> NOT_STEP_PHRASES = Set.of("step function", "step functions");
    /** Columns of a cheat sheet that say what a command does. */
    private static final Set<String> EXPLAINING_COLUMNS = Set.of("what it does", "what it shows", "does", "purpose",
            "explanation", "meaning", "used for", "use it for", "when to use");
    /** Columns that say how a run went or who ran it. */
    private static final Set<String> PAST_RUN_COLUMNS = Set.of("result", "outcome", "tester", "ticket", "performed", "operator",
            "engineer", "duration");
    /** The words of {@link #STEP_WORDS} that say what to do, not only what work there is ("Task") or its order. */
    private static final Set<String> ACTION_WORDS = Set.of("step", "steps", "action", "actions", "command", "commands",
            "cmd", "cmds", "instruction", "instructions");
    private static final Set<String> NUMBER_NAMES = Set.of("#", "no", "nr", "n", "step", "step #", "step no",
            "step nr", "step number", "number", "seq", "order", "schritt", "étape", "paso", "passo", "stap", "nº", "n°",
            "手順", "步骤", "序号", "番号", "no.");

    private static final Pattern ROW_NUMBER = Pattern.compile("\\d*\\.?");

    private StepTable() {
    }

    static boolean isStepTable(Element table) {
        List<Element> rows = TableReader.rows(table);
        List<String> header = TableReader.header(rows.subList(captionRows(rows), rows.size()));
        return TableReader.column(header, StepTable::namesSteps) >= 0 && !isARecordOfPastRuns(header)
                && !isACommandReference(header) && !isAResponsibilityMatrix(header);
    }

    /**
     * "Action | Responsible | Accountable | Consulted | Informed", "Activity | R | A | C | I": who does what, and who
     * is told; its rows are no steps.
     */
    private static boolean isAResponsibilityMatrix(List<String> header) {
        boolean responsible = false;
        boolean accountable = false;
        for (String cell : header) {
            String column = TableReader.name(cell);
            responsible |= column.equals("responsible") || column.equals("r");
            accountable |= column.equals("accountable") || column.equals("a");
        }
        return responsible && accountable;
    }

    /**
     * "Command | What it does": a cheat sheet's commands, each with what it does, and no column that orders or
     * names steps: a reference, not steps to carry out.
     */
    private static boolean isACommandReference(List<String> header) {
        boolean explains = false;
        for (String cell : header) {
            String column = TableReader.name(cell);
            if (NUMBER_NAMES.contains(column) || namesWhatToDo(column)) {
                return false;
            }
            explains |= EXPLAINING_COLUMNS.contains(column);
        }
        return explains;
    }

    /**
     * "Date | Certificate | Renewed by | Command used | Ticket": a register of what was done, row by row, with the
     * command each time; its rows are past runs, not steps. A plan's "Date | Time | Action | Owner" names no outcome,
     * and a plan that numbers its rows is one whatever its columns. A test's results ("Step | Expected | Actual |
     * Result") are a record too, numbered or not.
     */
    private static boolean isARecordOfPastRuns(List<String> header) {
        boolean numbered = false;
        boolean dated = false;
        boolean done = false;
        boolean expected = false;
        boolean actual = false;
        for (String cell : header) {
            String column = TableReader.name(cell);
            numbered |= NUMBER_NAMES.contains(column);
            dated |= column.equals("date") || column.startsWith("date ") || column.equals("month");
            done |= column.endsWith(" by") || PAST_RUN_COLUMNS.contains(column);
            expected |= column.equals("expected") || column.startsWith("expected ");
            actual |= column.equals("actual") || column.startsWith("actual ");
        }
        return expected && actual || !numbered && dated && done;
    }

    /**
     * Whether the header names a step, action or command column: a "# | Task | Owner" table, numbered work and who
     * does it, names none.
     */
    static boolean namesActions(Element table) {
        List<Element> rows = TableReader.rows(table);
        List<String> header = TableReader.header(rows.subList(captionRows(rows), rows.size()));
        return TableReader.column(header, column -> hasAWordOf(column, ACTION_WORDS)) >= 0;
    }

    private static boolean namesSteps(String column) {
        if (STEP_NAMES.contains(column) || NUMBER_NAMES.contains(column) && column.startsWith("step")) {
            return true;
        }
        return hasAWordOf(column, STEP_WORDS) || hasAWordOf(column, COMMAND_WORDS);
    }

    /** Whether a column that is none of meeting notes' ("Action item", "Command output") has one of the words. */
    private static boolean hasAWordOf(String column, Set<String> words) {
        if (NOT_STEP_NAMES.contains(column) || NOT_STEP_PHRASES.stream().anyMatch(column::contains)) {
            return false;
        }
        for (String word : column.split(" ")) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One step per row after the header, handed to {@code target} as it is read, so that the next id counts it; a
     * cell that only numbers the row is left out. The step is named from its step or action column when that has
     * text, so that an owner, a status or a note in the other columns stays out of the name.
     *
     * @return what rows across the whole table said after the last step, for the caller to note with it
     */
    static List<String> steps(Element table, Supplier<String> ids, Consumer<Step> target) {
        List<Element> rows = TableReader.rows(table);
        int headerRow = captionRows(rows);
        List<String> header = TableReader.header(rows.subList(headerRow, rows.size()));
        List<int[]> startColumns = TableReader.startColumns(rows);
        int[] headerStarts = startColumns.isEmpty() ? new int[0] : startColumns.get(headerRow);
        // a first column without a name numbers the rows as "#" does
        int numberHeader = !header.isEmpty() && header.get(0).isBlank() ? 0 : TableReader.column(header, NUMBER_NAMES::contains);
        int numberColumn = numberHeader < 0 ? -1 : headerStarts[numberHeader];
        List<Integer> nameColumns = TableReader.columns(header, StepTable::namesWhatToDo).stream()
                .map(index -> headerStarts[index]).toList();
        List<Integer> commandColumns = TableReader.columns(header, StepTable::namesTheCommand).stream()
                .map(index -> headerStarts[index]).toList();
        int conditionHeader = TableReader.column(header, StepTable::namesACondition);
        int conditionColumn = conditionHeader < 0 ? -1 : headerStarts[conditionHeader];
        List<String> divider = new ArrayList<>();
        if (headerRow > 0) {
            divider.add(PlainText.of(rows.get(0))); // "Per broker, controller last": said of every row, noted with the first
        }
        for (int r = Math.min(headerRow + 1, rows.size()); r < rows.size(); r++) {
            List<Element> cells = TableReader.cells(rows.get(r));
            int[] starts = startColumns.get(r);
            if (isADivider(cells, header.size())) {
                // "Phase 1 - Stop writes" across the whole table: a note of the step below (of the last, at the end)
                divider.add(PlainText.of(cells.get(0)));
                continue;
            }
            List<Element> content = new ArrayList<>();
            List<Element> placeholders = new ArrayList<>();
            Set<Element> commandCells = new HashSet<>();
            Element nameCell = null;
            String condition = "";
            for (int i = 0; i < cells.size(); i++) {
                Element cell = cells.get(i);
                String text = PlainText.of(cell);
                if (starts[i] == numberColumn && ROW_NUMBER.matcher(text).matches()) {
                    continue;
                }
                if (saysNothing(cell, text)) {
                    placeholders.add(cell);
                    continue;
                }
                if (starts[i] == conditionColumn) {
                    condition = text;
                }
                if (nameCell == null && !text.isEmpty() && spansAny(cell, starts[i], nameColumns)) {
                    nameCell = cell;
                }
                if (spansAny(cell, starts[i], commandColumns) && !spansAny(cell, starts[i], nameColumns)) {
                    commandCells.add(cell);
                }
                content.add(cell);
            }
            if (!hasText(content)) {
                content = placeholders; // a row still to be written ("TODO | TBD") is a step all the same
            }
            if (hasText(content)) {
                String name = nameCell == null ? null : StepReader.read("", null, nameCell.childNodes()).map(Step::name).orElse(null);
                List<String> partOf = List.copyOf(divider);
                divider.clear();
                StepReader.readRow(ids.get(), whenThen(condition, name), content, commandCells)
                        .map(step -> partOf.isEmpty() ? step : step.withMore(partOf, List.of())).ifPresent(target);
            }
        }
        return divider;
    }

    /**
     * A row of one cell across a table of several columns ("Phase 1 - Stop writes", "Repeat rows 3-5 for app-02") and
     * no code: no row of the table's columns, so no step; what it says goes with the steps as a note.
     */
    private static boolean isADivider(List<Element> cells, int columns) {
        // "On every node run:" and a code block across the table is a step with its command
        return columns > 1 && cells.size() == 1 && TableReader.span(cells.get(0), "colspan") >= columns
                && !PlainText.of(cells.get(0)).isEmpty() && cells.get(0).select("code, pre, ac|structured-macro, ac|macro").isEmpty();
    }

    /**
     * 1 when the table opens with a caption row (one cell across the table: "Per broker, kafka-01 to kafka-05") above
     * the row that names the columns, else 0.
     */
    private static int captionRows(List<Element> rows) {
        if (rows.size() < 3) {
            return 0;
        }
        List<Element> first = TableReader.cells(rows.get(0));
        List<Element> second = TableReader.cells(rows.get(1));
        return first.size() == 1 && second.size() > 1 && TableReader.span(first.get(0), "colspan") >= second.size()
                && second.stream().allMatch(cell -> cell.tagName().equals("th")) ? 1 : 0;
    }

    /** A cell that only marks that it has nothing ("-", "n/a", "none"): no part of the step's text. */
    private static boolean saysNothing(Element cell, String text) {
        return Placeholders.saysNothing(text) && cell.select("code, pre, img, ac|image, ac|structured-macro").isEmpty();
    }

    /** A column saying when a row applies ("If you see", "Symptom", "Condition"): a decision table. */
    private static boolean namesACondition(String column) {
        // not "When": a cutover plan's When column holds times
        return column.startsWith("if") || column.startsWith("symptom") || column.startsWith("condition")
                || column.startsWith("situation");
    }

    /** "If 5xx only from one pod: Delete the pod": a row's action without its condition reads as always to be done. */
    private static String whenThen(String condition, String name) {
        if (name == null || condition.isEmpty()) {
            return name;
        }
        String lower = condition.toLowerCase(Locale.ROOT);
        String when = lower.startsWith("if ") || lower.startsWith("when ") ? condition : "If " + condition;
        return when + ": " + name;
    }

    private static boolean spansAny(Element cell, int start, List<Integer> columns) {
        int width = TableReader.span(cell, "colspan");
        for (int column : columns) {
            if (column >= start && column < start + width) {
                return true;
            }
        }
        return false;
    }

    /** A step or action column that says what to do, not the command column, which names a step by its command. */
    private static boolean namesWhatToDo(String column) {
        return namesSteps(column) && !namesTheCommand(column);
    }

    /** "Command", "Command to run", "Befehl": the column whose code is what each row runs. */
    private static boolean namesTheCommand(String column) {
        return hasAWordOf(column, COMMAND_WORDS);
    }

    /** Whether a cell says something: words, or code alone (a row whose Command cell holds only a code block). */
    private static boolean hasText(List<? extends Node> cells) {
        for (Node cell : cells) {
            if (!PlainText.of(cell).isEmpty() || cell instanceof Element element && holdsCode(element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsCode(Element cell) {
        for (Element element : ElementsByTag.in(cell, tag -> tag.equals("pre") || tag.equals("ac:structured-macro")
                || tag.equals("ac:macro"))) {
            if (element.tagName().equals("pre") || Macros.isCode(Macros.name(element))) {
                return true;
            }
        }
        return false;
    }
}
