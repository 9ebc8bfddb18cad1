package io.playbooks.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The embedding of each playbook, searched by a plain scan: a dot product of 384 floats per playbook is a few
 * milliseconds for 10,000 of them, needs no approximate graph, and filters exactly.
 */
final class SemanticIndex {

    private final Map<Long, Embedded> vectors = new ConcurrentHashMap<>();

    /** An embedding and the hash of the text it was computed from. */
    record Embedded(String textHash, float[] vector) {
    }

    void put(long playbookId, String textHash, float[] vector) {
        vectors.put(playbookId, new Embedded(textHash, vector));
    }

    /** Whether the playbook's embedding is that of the text with this hash. */
    boolean holds(long playbookId, String textHash) {
        Embedded embedded = vectors.get(playbookId);
        return embedded != null && embedded.textHash().equals(textHash);
    }

    int size() {
        return vectors.size();
    }

    /** The accepted playbooks at least {@code minSimilarity} close to the query, closest first, at most {@code max}. */
    List<Ranked> nearest(float[] query, LongPredicate accept, int max, float minSimilarity) {
        PriorityQueue<Ranked> best = new PriorityQueue<>(Comparator.comparingDouble(Ranked::score));
        for (Map.Entry<Long, Embedded> entry : vectors.entrySet()) {
            float similarity = Vectors.dot(query, entry.getValue().vector());
            if (similarity < minSimilarity || !accept.test(entry.getKey())) {
                continue;
            }
            if (best.size() < max) {
                best.add(new Ranked(entry.getKey(), similarity));
            } else if (similarity > best.peek().score()) {
                best.poll();
                best.add(new Ranked(entry.getKey(), similarity));
            }
        }
        List<Ranked> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        return ranked;
    }
}
