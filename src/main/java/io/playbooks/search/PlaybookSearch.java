package io.playbooks.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.playbooks.api.ApiException;
import io.playbooks.learning.PlaybookValues;
import io.playbooks.storage.PlaybookSummary;
import io.playbooks.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Hybrid search over the stored playbooks ({@code GET /search}, MCP {@code search_playbooks}): the BM25 ranking of
 * the query's words and the ranking by closeness in meaning (when the embedding model is loaded) are fused by
 * reciprocal rank, then weighted by how valuable each playbook has proven in use. Each hit says which words
 * matched where and how close it is in meaning, and shows the best matching text. Outdated playbooks are found
 * too, flagged, and rank a little lower than a current one that matches as well.
 */
public class PlaybookSearch {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybookSearch.class);
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_CHARS = 500;
    /** How many playbooks each ranking hands to the fusion at least. */
    private static final int CANDIDATES = 50;
    /** Below this cosine similarity a playbook is not taken as close in meaning (all-MiniLM-L6-v2). */
    static final float MIN_SIMILARITY = 0.3f;
    /** A playbook of value 1 scores this much more than one of value 0. */
    private static final double VALUE_WEIGHT = 0.25;
    private static final double OUTDATED_FACTOR = 0.8;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Where a hit is read; {@code from=search} records the read as an opened search hit (learning). */
    private static final String OPEN_PREFIX = "/api/v1/confluence/playbooks/";
    private final SearchIndex index;
    private final PlaybookValues values;

    public PlaybookSearch(SearchIndex index, PlaybookValues values) {
        this.index = index;
        this.values = values;
    }

    /**
     * @param limit    at most this many hits (1..100); null or blank for {@value #DEFAULT_LIMIT}
     * @param spaceKey only playbooks of this Confluence space, when given
     * @param category only playbooks of this category, when given
     */
    public SearchResults search(String query, String limit, String spaceKey, String category) {
        String text = queryOf(query);
        int max = limitOf(limit);
        catchUp();
        SearchFilter filter = new SearchFilter(spaceKey, category);
        Map<String, String> queryWords = queryWords(text);
        int candidates = Math.max(CANDIDATES, max);
        LexicalIndex.Matches lexical = index.lexical().search(queryWords.keySet(), filter, candidates);
        List<Ranked> semantic = semantic(text, filter, candidates);
        Set<Long> foundByWords = lexical.ranked().stream().map(Ranked::playbookId).collect(Collectors.toSet());
        long semanticOnly = semantic.stream().filter(s -> !foundByWords.contains(s.playbookId())).count();

        List<Scored> scored = new ArrayList<>();
        for (RankFusion.Fused fused : RankFusion.fuse(lexical.ranked(), semantic).values()) {
            index.summary(fused.playbookId()).ifPresent(summary -> scored.add(new Scored(summary, fused,
                    fused.score() * (1 + VALUE_WEIGHT * values.valueOf(fused.playbookId()))
                            * (summary.outdated() ? OUTDATED_FACTOR : 1))));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.summary().name()));
        List<Scored> top = scored.stream().limit(max).toList();
        Map<Long, SearchDocument> texts = texts(top);
        HitExplainer explainer = new HitExplainer(index.analysis());
        List<SearchHit> hits = top.stream().map(s -> hit(s, texts.getOrDefault(s.summary().playbookId(),
                SearchDocument.titleOnly(s.summary())), queryWords, explainer)).toList();
        return new SearchResults(text, (int) Math.min(Integer.MAX_VALUE, lexical.total() + semanticOnly), hits,
                index.status());
    }

    /**
     * Indexes what was written since the index last looked, so that a search sees every import that answered before
     * it (the announcement that indexes a new version runs on its own thread); a search before the rebuild from the
     * database has ended waits for it. A database that fails here does not
     * fail the search: the index answers with what it holds.
     */
    private void catchUp() {
        try {
            index.awaitRebuild();
            index.catchUp();
        } catch (StoreException e) {
            LOG.warn("Search answers from its index without catching up with the database: {}", e.getMessage());
        }
    }

    private List<Ranked> semantic(String query, SearchFilter filter, int candidates) {
        TextEmbedder embedder = index.embedder();
        if (!embedder.ready()) {
            return List.of();
        }
        float[] vector = embedder.embed(query);
        return index.semantic().nearest(vector, id -> index.summary(id).map(filter::accepts).orElse(false),
                candidates, MIN_SIMILARITY);
    }

    private SearchHit hit(Scored scored, SearchDocument texts, Map<String, String> queryWords, HitExplainer explainer) {
        PlaybookSummary summary = scored.summary();
        HitExplainer.Explanation explanation = explainer.explain(texts, queryWords, scored.fused().similarity());
        Float similarity = scored.fused().similarity();
        return new SearchHit(summary.playbookId(), summary.slug(), summary.name(), summary.category(),
                summary.confluenceSpace(), summary.confluencePageId(), summary.confluenceUrl(), summary.stepCount(),
                summary.outdated(), summary.outdatedReason(), Math.round(scored.score() * 10000) / 10000.0,
                explanation.snippet(), explanation.reason(), scored.fused().lexicalRank(),
                similarity == null ? null : Math.round(similarity * 1000) / 1000.0,
                OPEN_PREFIX + summary.slug() + "?from=search");
    }

    /**
     * The texts the hits are explained by, read from the database in one query; a database that fails here does not
     * fail the search (and is waited for once, not once a hit): the hits are explained by their titles.
     */
    private Map<Long, SearchDocument> texts(List<Scored> hits) {
        List<Long> ids = hits.stream().map(hit -> hit.summary().playbookId()).toList();
        try {
            return index.documents(ids);
        } catch (StoreException e) {
            LOG.warn("Search hits explained by their titles alone: {}", e.getMessage());
            return Map.of();
        }
    }

    /** Each term the query is searched by, with the word of the query it came from. */
    private Map<String, String> queryWords(String query) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : NOT_A_WORD.split(query)) {
            for (String term : index.analysis().terms(word)) {
                words.putIfAbsent(term, word);
            }
        }
        return words;
    }

    private static String queryOf(String query) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("q is required: the words or question to look for, e.g. ?q=restart+nginx");
        }
        String text = query.strip();
        if (text.length() > MAX_QUERY_CHARS) {
            throw ApiException.badRequest("q is " + text.length() + " characters long; at most " + MAX_QUERY_CHARS
                    + " are searched");
        }
        if (NOT_A_WORD.matcher(text).replaceAll("").isEmpty()) {
            throw ApiException.badRequest("q '" + text + "' holds no word to look for");
        }
        return text;
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

    private record Scored(PlaybookSummary summary, RankFusion.Fused fused, double score) {
    }

    public record SearchResults(String query, @JsonProperty("total_matches") int totalMatches, List<SearchHit> results,
                                SearchIndex.IndexStatus index) {
    }

    /**
     * One hit. {@code lexical_rank} is its place in the word ranking and {@code semantic_similarity} its cosine
     * similarity to the query; each is absent when the hit was not found that way.
     */
    public record SearchHit(@JsonProperty("playbook_id") long playbookId, String slug, String name, String category,
                            @JsonProperty("space_key") String spaceKey,
                            @JsonProperty("confluence_page_id") String confluencePageId,
                            @JsonProperty("confluence_url") String confluenceUrl,
                            @JsonProperty("step_count") int stepCount, boolean outdated,
                            @JsonProperty("outdated_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
                            String outdatedReason,
                            double score, String snippet, String reason,
                            @JsonProperty("lexical_rank") @JsonInclude(JsonInclude.Include.NON_NULL) Integer lexicalRank,
                            @JsonProperty("semantic_similarity") @JsonInclude(JsonInclude.Include.NON_NULL)
                            Double semanticSimilarity,
                            /* reading the playbook through this link counts as an opened search hit */
                            String open) {
    }
}
