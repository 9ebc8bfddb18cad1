package io.playbooks.conversion;

import io.playbooks.playbook.Step;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A table whose header names a step / action / command column: one step per row. */
final class StepTable {

    private static final List<String> STEP_COLUMNS = List.of("step", "steps", "action", "actions", "command",
            "commands", "task", "tasks", "instruction", "instructions", "what to do", "procedure");
    private static final List<String> NUMBER_COLUMNS = List.of("#", "no", "nr", "step", "n");

    private static final Pattern ROW_NUMBER = Pattern.compile("\\d*\\.?");

    private StepTable() {
    }

    static boolean isStepTable(Element table) {
        return TableReader.column(TableReader.header(TableReader.rows(table)), STEP_COLUMNS) >= 0;
    }

    /** One step per row after the header; a cell that only numbers the row is left out. */
    static List<Step> steps(Element table, Supplier<String> ids) {
        List<Element> rows = TableReader.rows(table);
        int numberColumn = TableReader.column(TableReader.header(rows), NUMBER_COLUMNS);
        List<Step> steps = new ArrayList<>();
        for (Element row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            List<Element> cells = TableReader.cells(row);
            List<Node> content = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Element cell = cells.get(i);
                if (i == numberColumn && ROW_NUMBER.matcher(PlainText.of(cell)).matches()) {
                    continue;
                }
                content.add(cell);
            }
            if (hasText(content)) {
                steps.add(StepReader.read(ids.get(), null, content));
            }
        }
        return steps;
    }

    private static boolean hasText(List<Node> cells) {
        for (Node cell : cells) {
            if (!PlainText.of(cell).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
