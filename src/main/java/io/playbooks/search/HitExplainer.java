package io.playbooks.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Why a playbook matched, in words: which query words were found in which of its fields, and how close it is in
 * meaning; and the snippet: the text where the most query words meet in the weightiest field, cut around the first.
 */
final class HitExplainer {

    static final int SNIPPET_CHARS = 160;

    private final TextAnalysis analysis;

    HitExplainer(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    record Explanation(String snippet, String reason) {
    }

    /**
     * @param queryWords each query term with the word of the query it came from (e.g. restart from "restarting")
     * @param similarity the cosine similarity to the query, or null when not compared
     */
    Explanation explain(SearchDocument document, Map<String, String> queryWords, Float similarity) {
        Map<String, Set<SearchField>> where = new LinkedHashMap<>();
        queryWords.keySet().forEach(term -> where.put(term, EnumSet.noneOf(SearchField.class)));
        SearchDocument.Text best = null;
        int bestStart = 0;
        double bestWeight = 0;
        for (SearchDocument.Text text : document.texts()) {
            Set<String> matched = new HashSet<>();
            int firstStart = -1;
            for (TextAnalysis.Token token : analysis.tokens(text.text())) {
                Set<SearchField> fields = where.get(token.term());
                if (fields != null) {
                    fields.add(text.field());
                    matched.add(token.term());
                    firstStart = firstStart < 0 ? token.start() : firstStart;
                }
            }
            double weight = text.field().weight() * matched.size();
            if (weight > bestWeight) {
                best = text;
                bestStart = firstStart;
                bestWeight = weight;
            }
        }
        List<String> reasons = new ArrayList<>();
        List<String> found = new ArrayList<>();
        where.forEach((term, fields) -> {
            if (!fields.isEmpty()) {
                found.add("'" + queryWords.get(term) + "' in "
                        + String.join(", ", fields.stream().map(SearchField::label).toList()));
            }
        });
        if (!found.isEmpty()) {
            reasons.add("matched " + found.size() + " of " + where.size() + " words: " + String.join("; ", found));
        }
        if (similarity != null) {
            reasons.add(String.format(Locale.ROOT, "semantically close: %.2f", similarity));
        }
        String snippet = best != null ? snippet(best.text(), bestStart) : snippet(gist(document), 0);
        return new Explanation(snippet, String.join("; ", reasons));
    }

    /** What a playbook found by meaning alone shows: its description, else its title. */
    private static String gist(SearchDocument document) {
        String description = document.first(SearchField.DESCRIPTION);
        return description != null ? description : document.summary().name();
    }

    /** The part of a text around a position, cut at word boundaries, with ellipses where cut. */
    static String snippet(String text, int around) {
        // whitespace kept char for char so that the position still points at the word; collapsed at the end
        String flat = text.replaceAll("\\s", " ");
        int first = Math.max(0, Math.min(flat.length(), around));
        if (flat.length() <= SNIPPET_CHARS) {
            return collapse(flat);
        }
        int start = Math.max(0, first - SNIPPET_CHARS / 3);
        int end = Math.min(flat.length(), start + SNIPPET_CHARS);
        if (start > 0) {
            int space = flat.indexOf(' ', start);
            start = space < 0 || space >= first ? start : space + 1;
        }
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > first ? space : end;
        }
        return (start > 0 ? "…" : "") + collapse(flat.substring(start, end)) + (end < flat.length() ? "…" : "");
    }

    private static String collapse(String text) {
        return text.strip().replaceAll(" {2,}", " ");
    }
}
