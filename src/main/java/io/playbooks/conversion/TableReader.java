package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.Locale;

/** The rows and cells of a storage-format table (tbody or not), with its first row read as the header. */
final class TableReader {

    private TableReader() {
    }

    static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        collectRows(table, rows);
        return rows;
    }

    private static void collectRows(Element element, List<Element> rows) {
        for (Element child = element.firstElementChild(); child != null; child = child.nextElementSibling()) {
            switch (child.tagName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> collectRows(child, rows);
                default -> {
                }
            }
        }
    }

    static List<Element> cells(Element row) {
        List<Element> cells = new ArrayList<>();
        for (Element child = row.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("td") || child.tagName().equals("th")) {
                cells.add(child);
            }
        }
        return cells;
    }

    /**
     * The column each cell of each row starts in, counting the columns that cells of rows above still span
     * ({@code rowspan}) and the columns each cell spans itself ({@code colspan}), as a browser lays them out.
     */
    static List<int[]> startColumns(List<Element> rows) {
        List<int[]> starts = new ArrayList<>(rows.size());
        List<Integer> spannedUntil = new ArrayList<>(); // per column, the last row a cell from above still covers
        for (int r = 0; r < rows.size(); r++) {
            List<Element> cells = cells(rows.get(r));
            int[] rowStarts = new int[cells.size()];
            int column = 0;
            for (int c = 0; c < cells.size(); c++) {
                while (column < spannedUntil.size() && spannedUntil.get(column) >= r) {
                    column++;
                }
                rowStarts[c] = column;
                int width = span(cells.get(c), "colspan");
                int lastRow = r + span(cells.get(c), "rowspan") - 1;
                for (int w = 0; w < width; w++, column++) {
                    while (spannedUntil.size() <= column) {
                        spannedUntil.add(-1);
                    }
                    spannedUntil.set(column, lastRow);
                }
            }
            starts.add(rowStarts);
        }
        return starts;
    }

    /** A span attribute as a count of 1 to 100 (absent, malformed or absurd values count as 1 or 100). */
    static int span(Element cell, String attribute) {
        String value = cell.attr(attribute).trim();
        if (value.isEmpty() || value.length() > 3 || !value.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        return Math.max(1, Math.min(100, Integer.parseInt(value)));
    }

    /** The header row's cell texts in lower case, or an empty list for a table without rows. */
    static List<String> header(List<Element> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = new ArrayList<>();
        for (Element cell : cells(rows.get(0))) {
            header.add(PlainText.of(cell).toLowerCase(Locale.ROOT));
        }
        return header;
    }

    /** Index of the first header cell whose name (see {@link #name}) the test accepts, or -1. */
    static int column(List<String> header, Predicate<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.test(name(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes of the header cells whose names the test accepts, in order. */
    static List<Integer> columns(List<String> header, Predicate<String> names) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (names.test(name(header.get(i)))) {
                columns.add(i);
            }
        }
        return columns;
    }

    /** A header cell (in lower case) as a column name: only its letters, '#' and inner spaces. */
    static String name(String headerCell) {
        StringBuilder name = new StringBuilder(headerCell.length());
        for (int i = 0; i < headerCell.length(); i++) {
            char c = headerCell.charAt(i);
            // letters of any language ("acción", "步骤"), not digits or punctuation ("Step No." is "step no")
            if ((Character.isLetter(c) && !Character.isUpperCase(c)) || c == '#' || c == ' ') {
                name.append(c);
            }
        }
        return name.toString().trim();
    }
}
