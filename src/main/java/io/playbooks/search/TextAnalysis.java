package io.playbooks.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How texts and queries become terms: Lucene's English analysis (lower case, possessives, stop words, Porter stems),
 * so that "restarting" finds "restart", with the words of a question ("how do I ...") also left out: they say
 * nothing about which playbook is meant.
 */
final class TextAnalysis {

    private static final List<String> QUESTION_WORDS = List.of("how", "do", "does", "i", "we", "you", "my", "our",
            "what", "why", "when", "where", "which", "who", "can", "should", "would", "could", "me", "us", "am",
            "has", "have", "had", "been", "being", "did", "its", "so", "any", "some", "all");

    private final Analyzer analyzer;

    TextAnalysis() {
        CharArraySet stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stopWords.addAll(QUESTION_WORDS);
        this.analyzer = new EnglishAnalyzer(stopWords);
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** A term of a text and where the word it came from sits. */
    record Token(String term, int start, int end) {
    }

    /** The distinct terms of a text, in order of first appearance. */
    Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        tokens(text).forEach(token -> terms.add(token.term()));
        return terms;
    }

    List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // analysis of an in-memory string does no I/O
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
