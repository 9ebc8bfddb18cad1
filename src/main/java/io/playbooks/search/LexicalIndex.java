package io.playbooks.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * BM25 over the playbooks' texts, one Lucene field per {@link SearchField} boosted by its weight, in memory (the
 * database is the source of truth: the index is rebuilt from it at start). A query term counts by its best field and
 * a little for each further one; the terms' scores add up, so playbooks that hold more of the words rank first.
 */
final class LexicalIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String PLAYBOOK_ID = "playbook_id";
    private static final String SPACE_KEY = "space_key";
    private static final String CATEGORY_KEY = "category_key";
    /** How much the fields after a term's best field add (0: best field only, 1: plain sum). */
    private static final float OTHER_FIELDS = 0.3f;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LexicalIndex(TextAnalysis analysis) {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analysis.analyzer())
                    .setSimilarity(new BM25Similarity()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory search index", e);
        }
    }

    /** Adds a playbook or replaces what was indexed of it. */
    void put(SearchDocument document) {
        Document lucene = new Document();
        String id = String.valueOf(document.playbookId());
        lucene.add(new StringField(ID, id, Field.Store.NO));
        lucene.add(new StoredField(PLAYBOOK_ID, document.playbookId()));
        keyword(lucene, SPACE_KEY, document.summary().confluenceSpace());
        keyword(lucene, CATEGORY_KEY, document.summary().category());
        for (SearchDocument.Text text : document.texts()) {
            lucene.add(new TextField(text.field().luceneName(), text.text(), Field.Store.NO));
        }
        try {
            writer.updateDocument(new Term(ID, id), lucene);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index playbook " + id, e);
        }
    }

    /** Playbooks holding any of the terms, best first, at most {@code max}; the count of every match with them. */
    Matches search(Collection<String> terms, SearchFilter filter, int max) {
        if (terms.isEmpty()) {
            return new Matches(List.of(), 0);
        }
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.setSimilarity(new BM25Similarity());
                TopDocs top = searcher.search(query(terms, filter), max);
                StoredFields stored = searcher.storedFields();
                List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    long playbookId = stored.document(hit.doc).getField(PLAYBOOK_ID).numericValue().longValue();
                    ranked.add(new Ranked(playbookId, hit.score));
                }
                return new Matches(ranked, top.totalHits.value);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the in-memory index", e);
        }
    }

    record Matches(List<Ranked> ranked, long total) {
    }

    private static Query query(Collection<String> terms, SearchFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            List<Query> perField = new ArrayList<>();
            for (SearchField field : SearchField.values()) {
                perField.add(new BoostQuery(new TermQuery(new Term(field.luceneName(), term)), field.weight()));
            }
            query.add(new DisjunctionMaxQuery(perField, OTHER_FIELDS), BooleanClause.Occur.SHOULD);
        }
        query.setMinimumNumberShouldMatch(1);
        if (filter.spaceKey() != null) {
            query.add(new TermQuery(new Term(SPACE_KEY, filter.spaceKey())), BooleanClause.Occur.FILTER);
        }
        if (filter.category() != null) {
            query.add(new TermQuery(new Term(CATEGORY_KEY, filter.category())), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static void keyword(Document lucene, String field, String value) {
        String key = SearchFilter.normalised(value);
        if (key != null) {
            lucene.add(new StringField(field, key, Field.Store.NO));
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
