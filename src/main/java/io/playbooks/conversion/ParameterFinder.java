package io.playbooks.conversion;

import io.playbooks.playbook.Parameter;
import io.playbooks.playbook.Snippet;
import io.playbooks.playbook.Step;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs a playbook needs: the rows of parameter tables (a name column and a description column, optionally
 * a required column), then the ${VAR} and &lt;placeholder&gt; tokens of its commands, requests and snippets.
 */
final class ParameterFinder {

    private static final Set<String> NAME_COLUMNS = Set.of("parameter", "parameters", "variable", "variables",
            "name", "placeholder", "input", "inputs", "argument", "arguments", "param", "key");
    /** "Parameter name", "Variable (env)": a name column whatever follows its first word. */
    private static final Set<String> NAME_FIRST_WORDS = Set.of("parameter", "variable", "placeholder", "param",
            "argument", "input");
    private static final Set<String> DESCRIPTION_COLUMNS = Set.of("description", "meaning", "purpose", "value",
            "example", "details");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("required", "mandatory", "optional");
    private static final Pattern TOKEN_MARKS = Pattern.compile("^\\$\\{|}$|^<|>$");
    /** A parameter as a name cell writes it: {@code ${HOST}}, {@code {{group}}}, {@code <db>}; the name is one group. */
    private static final Pattern NAME_TOKEN = Pattern.compile(
            "\\$\\{([^{}\\s]+)}|\\{\\{\\s*([^{}\\s]+)\\s*}}|<([A-Za-z][\\w.-]*)>");
    /** What may stand between the tokens of a cell naming several parameters: "{{namespace}} / {{deployment}}". */
    private static final Pattern BETWEEN_NAMES = Pattern.compile("[\\s/,;&|+]*|\\s*(?:and|or)\\s*");
    private static final Pattern YES = Pattern.compile("(yes|y|true|x|required|mandatory)\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** Languages whose generics and templates write types in angle brackets; XML's elements are told apart below. */
    private static final Set<String> ANGLE_SYNTAX = Set.of("java", "kotlin", "scala", "groovy", "csharp", "c#", "c",
            "cpp", "c++", "typescript", "ts", "rust", "swift", "tsx", "vb", "vbnet");
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|<([A-Za-z][A-Za-z0-9_-]*)>");

    private ParameterFinder() {
    }

    static List<Parameter> find(Document page, List<Step> steps, List<Step> rollback) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Element table : ElementsByTag.in(page, "table"::equals)) {
            if (!insideAStep(table)) {
                readTable(table, parameters);
            }
        }
        List<String> texts = new ArrayList<>();
        collectTexts(steps, texts);
        collectTexts(rollback, texts);
        for (String text : texts) {
            if (text.indexOf('$') < 0 && text.indexOf('<') < 0) {
                continue; // no token can start here; most commands have none, and the regex would try every character
            }
            Matcher matcher = TOKEN.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                // <SSLHostConfig> ... </SSLHostConfig> in an XML sample is an element, List<Contact> a generic type
                boolean generic = matcher.start() > 0 && Character.isLetterOrDigit(text.charAt(matcher.start() - 1));
                if (matcher.group(2) == null || !text.contains("</" + name + ">") && !generic) {
                    parameters.putIfAbsent(name, new Parameter(name, "placeholder in the playbook's commands", true));
                }
            }
        }
        return List.copyOf(parameters.values());
    }

    /** A table in a list item or a task shows values a step works with ("compare these"), not the playbook's inputs. */
    private static boolean insideAStep(Element table) {
        for (Element parent = table.parent(); parent != null; parent = parent.parent()) {
            if (parent.tagName().equals("li") || parent.tagName().equals("ac:task")) {
                return true;
            }
        }
        return false;
    }

    private static void readTable(Element table, Map<String, Parameter> parameters) {
        List<Element> rows = TableReader.rows(table);
        List<String> header = TableReader.header(rows);
        int name = TableReader.column(header, ParameterFinder::namesParameters);
        int description = TableReader.column(header, DESCRIPTION_COLUMNS::contains);
        if (name < 0 || description < 0) {
            readNamesDownTheSide(table, rows, parameters);
            return;
        }
        int required = TableReader.column(header, REQUIRED_COLUMNS::contains);
        boolean optionalColumn = required >= 0 && header.get(required).contains("optional");
        for (Element row : rows.subList(1, rows.size())) {
            List<Element> cells = TableReader.cells(row);
            if (cells.size() <= Math.max(name, description)) {
                continue;
            }
            boolean isRequired = true;
            if (required >= 0 && required < cells.size()) {
                boolean yes = YES.matcher(PlainText.of(cells.get(required)).toLowerCase(Locale.ROOT)).lookingAt();
                isRequired = optionalColumn != yes;
            }
            for (String parameterName : parameterNames(PlainText.of(cells.get(name)))) {
                parameters.putIfAbsent(parameterName, new Parameter(parameterName, PlainText.of(cells.get(description)), isRequired));
            }
        }
    }

    /**
     * The parameters a name cell names: the name inside its marks ({@code ${HOST}}, {@code {{group}}}, {@code <db>}),
     * each of several tokens ({@code {{namespace}} / {{deployment}}}), else the cell's text; none for an empty cell.
     */
    static List<String> parameterNames(String cell) {
        String text = cell.strip();
        Matcher token = NAME_TOKEN.matcher(text);
        List<String> names = new ArrayList<>();
        int end = 0;
        while (token.find()) {
            if (!BETWEEN_NAMES.matcher(text.substring(end, token.start())).matches()) {
                break;
            }
            names.add(token.group(1) != null ? token.group(1) : token.group(2) != null ? token.group(2) : token.group(3));
            end = token.end();
        }
        if (!names.isEmpty() && BETWEEN_NAMES.matcher(text.substring(end)).matches()) {
            return names;
        }
        String name = TOKEN_MARKS.matcher(text).replaceAll("");
        return name.isEmpty() ? List.of() : List.of(name);
    }

    /**
     * A table under a Parameters heading that names each parameter in its row's header cell, its description beside
     * it ({@code <tr><th>HOST</th><td>Host name as in hosts.cfg</td></tr>}), as the old editor's tables often do.
     */
    private static void readNamesDownTheSide(Element table, List<Element> rows, Map<String, Parameter> parameters) {
        Map<String, Parameter> found = new LinkedHashMap<>();
        for (Element row : rows) {
            List<Element> cells = TableReader.cells(row);
            if (cells.size() != 2 || !cells.get(0).tagName().equals("th") || !cells.get(1).tagName().equals("td")) {
                return;
            }
            List<String> names = parameterNames(PlainText.of(cells.get(0)));
            if (names.isEmpty() || !names.stream().allMatch(name -> IDENTIFIER.matcher(name).matches())) {
                return;
            }
            names.forEach(name -> found.put(name, new Parameter(name, PlainText.of(cells.get(1)), true)));
        }
        if (!found.isEmpty() && namesParameters(headingBefore(table))) {
            found.forEach(parameters::putIfAbsent);
        }
    }

    /** The text of the nearest heading above the element, in lower case without a closing colon, or "". */
    private static String headingBefore(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            for (Element before = at.previousElementSibling(); before != null; before = before.previousElementSibling()) {
                if (SectionSplitter.headingLevel(before) > 0) {
                    String heading = PlainText.of(before).toLowerCase(Locale.ROOT);
                    return heading.endsWith(":") ? heading.substring(0, heading.length() - 1).strip() : heading;
                }
            }
        }
        return "";
    }

    private static boolean namesParameters(String column) {
        int space = column.indexOf(' ');
        return NAME_COLUMNS.contains(column) || space > 0 && NAME_FIRST_WORDS.contains(column.substring(0, space));
    }

    private static void collectTexts(List<Step> steps, List<String> texts) {
        for (Step step : steps) {
            if (!Step.NOOP.equals(step.action())) {
                step.args().values().forEach(value -> texts.add(String.valueOf(value)));
            }
            // in code whose generics use angle brackets (List<Contact>) only ${VAR} is a placeholder
            step.snippets().stream().map(snippet -> ANGLE_SYNTAX.contains(snippet.language())
                    ? snippet.code().replace('<', ' ') : snippet.code()).forEach(texts::add);
            collectTexts(step.substeps(), texts);
        }
    }
}
