package io.playbooks.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playbooks.api.ApiException;
import io.playbooks.storage.PlaybookStore;
import io.playbooks.storage.PlaybookSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranked lexical search over the stored playbooks ({@code GET /search}, MCP {@code search_playbooks}): every query
 * word found in the title, description, step text or commands adds the weight of that field; playbooks that match
 * more of the words rank first. Each hit says which words matched where and shows the best matching text.
 * The one place to replace with a full-text or semantic index.
 */
public class PlaybookSearch {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    private static final int SNIPPET_CHARS = 160;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final PlaybookStore store;
    private final ObjectMapper json;

    public PlaybookSearch(PlaybookStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * @param limit    at most this many hits (1..100); null or blank for {@value #DEFAULT_LIMIT}
     * @param spaceKey only playbooks of this Confluence space, when given
     * @param category only playbooks of this category, when given
     */
    public SearchResults search(String query, String limit, String spaceKey, String category) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("query is required: the words to look for, e.g. ?q=restart+nginx");
        }
        int max = limitOf(limit);
        Set<String> terms = words(query);
        if (terms.isEmpty()) {
            throw ApiException.badRequest("query '" + query + "' holds no word to look for");
        }
        List<SearchHit> hits = new ArrayList<>();
        for (PlaybookSummary summary : store.list()) {
            if (!matches(spaceKey, summary.confluenceSpace()) || !matches(category, summary.category())) {
                continue;
            }
            store.find(summary.playbookId())
                    .map(playbook -> SearchDocument.of(playbook, json))
                    .flatMap(document -> score(document, terms, query))
                    .ifPresent(hits::add);
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::name));
        List<SearchHit> top = hits.size() > max ? List.copyOf(hits.subList(0, max)) : List.copyOf(hits);
        return new SearchResults(query, hits.size(), top);
    }

    private Optional<SearchHit> score(SearchDocument document, Set<String> terms, String query) {
        Map<String, List<SearchField>> where = new LinkedHashMap<>();
        double score = 0;
        SearchDocument.Text best = null;
        double bestWeight = 0;
        List<Set<String>> wordsOfTexts = document.texts().stream().map(text -> words(text.text())).toList();
        for (String term : terms) {
            Set<SearchField> fields = EnumSet.noneOf(SearchField.class);
            for (int i = 0; i < wordsOfTexts.size(); i++) {
                SearchDocument.Text text = document.texts().get(i);
                if (wordsOfTexts.get(i).contains(term)) {
                    fields.add(text.field());
                    if (text.field().weight() > bestWeight) {
                        best = text;
                        bestWeight = text.field().weight();
                    }
                }
            }
            if (!fields.isEmpty()) {
                where.put(term, List.copyOf(fields));
                // the best field counts fully, every further field a little: a word in the title and in a command
                // beats a word in the title alone
                score += fields.stream().mapToDouble(SearchField::weight).max().orElse(0)
                        + 0.5 * (fields.size() - 1);
            }
        }
        if (where.isEmpty()) {
            return Optional.empty();
        }
        double coverage = (double) where.size() / terms.size();
        String phrase = query.trim().toLowerCase(Locale.ROOT);
        if (terms.size() > 1 && document.playbook().summary().name().toLowerCase(Locale.ROOT).contains(phrase)) {
            score += SearchField.TITLE.weight();
        }
        PlaybookSummary summary = document.playbook().summary();
        double rounded = Math.round(score * coverage * 100) / 100.0;
        return Optional.of(new SearchHit(summary.playbookId(), summary.slug(), summary.name(), summary.category(),
                summary.confluenceSpace(), summary.confluencePageId(), summary.confluenceUrl(), summary.stepCount(),
                summary.outdated(), rounded, snippet(best.text(), where.keySet()), reason(where, terms.size())));
    }

    private static String reason(Map<String, List<SearchField>> where, int termCount) {
        List<String> parts = new ArrayList<>();
        where.forEach((term, fields) -> parts.add("'" + term + "' in "
                + String.join(", ", fields.stream().map(SearchField::label).toList())));
        return "matched " + where.size() + " of " + termCount + " words: " + String.join("; ", parts);
    }

    /** The part of a text around its first matched word, cut at word boundaries, with ellipses where cut. */
    static String snippet(String text, Set<String> terms) {
        String flat = text.replaceAll("\\s+", " ").trim();
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        String lower = flat.toLowerCase(Locale.ROOT);
        int first = terms.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
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
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.trim().equalsIgnoreCase(actual);
    }

    private static int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
    }

    public record SearchResults(String query, @JsonProperty("total_matches") int totalMatches, List<SearchHit> results) {
    }

    public record SearchHit(@JsonProperty("playbook_id") long playbookId, String slug, String name, String category,
                            @JsonProperty("space_key") String spaceKey,
                            @JsonProperty("confluence_page_id") String confluencePageId,
                            @JsonProperty("confluence_url") String confluenceUrl,
                            @JsonProperty("step_count") int stepCount, boolean outdated, double score,
                            String snippet, String reason) {
    }
}
