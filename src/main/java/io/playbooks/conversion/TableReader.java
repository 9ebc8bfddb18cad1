package io.playbooks.conversion;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rows and cells of a storage-format table (tbody or not), with its first row read as the header. */
final class TableReader {

    private static final Pattern NOT_A_NAME_CHAR = Pattern.compile("[^a-z# ]");

    private TableReader() {
    }

    static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        collectRows(table, rows);
        return rows;
    }

    private static void collectRows(Element element, List<Element> rows) {
        for (Element child : element.children()) {
            switch (child.tagName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> collectRows(child, rows);
                default -> {
                }
            }
        }
    }

    static List<Element> cells(Element row) {
        return row.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).toList();
    }

    /** The header row's cell texts in lower case, or an empty list for a table without rows. */
    static List<String> header(List<Element> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return cells(rows.get(0)).stream().map(cell -> PlainText.of(cell).toLowerCase(Locale.ROOT)).toList();
    }

    /** Index of the first header cell that is one of the names, or -1. */
    static int column(List<String> header, List<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(NOT_A_NAME_CHAR.matcher(header.get(i)).replaceAll("").trim())) {
                return i;
            }
        }
        return -1;
    }
}
