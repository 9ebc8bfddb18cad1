package io.playbooks.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion of the lexical and the semantic ranking: each list gives a playbook 1 / (K + rank), so
 * the two scores, which are on different scales (BM25, cosine), never have to be compared. The sum is divided by
 * what rank 1 in every list used would give, so the best possible score is 1.
 */
final class RankFusion {

    /** Small K: the first few ranks of either list count clearly more than the tail (few playbooks per query). */
    static final int K = 10;

    private RankFusion() {
    }

    /** A playbook's fused score, its lexical rank (1-based) and its similarity to the query, when it has them. */
    record Fused(long playbookId, double score, Integer lexicalRank, Float similarity) {
    }

    static Map<Long, Fused> fuse(List<Ranked> lexical, List<Ranked> semantic) {
        int lists = semantic.isEmpty() ? 1 : 2;
        double best = lists / (double) (K + 1);
        Map<Long, Fused> fused = new LinkedHashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            long id = lexical.get(i).playbookId();
            fused.put(id, new Fused(id, 1.0 / (K + i + 1) / best, i + 1, null));
        }
        for (int i = 0; i < semantic.size(); i++) {
            Ranked ranked = semantic.get(i);
            double share = 1.0 / (K + i + 1) / best;
            fused.merge(ranked.playbookId(), new Fused(ranked.playbookId(), share, null, ranked.score()),
                    (a, b) -> new Fused(a.playbookId(), a.score() + b.score(), a.lexicalRank(), b.similarity()));
        }
        return fused;
    }
}
