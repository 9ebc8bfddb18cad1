package io.playbooks.search;

/**
 * Turns a text into a unit-length vector whose dot product with another measures how close their meanings are.
 * Loading may be slow: {@link #load()} is called on a background thread, never at startup.
 */
public interface TextEmbedder {

    /** No model: search is lexical only ({@code playbooks.search.semantic.enabled=false}). */
    TextEmbedder OFF = new TextEmbedder() {
        @Override
        public String model() {
            return "none";
        }

        @Override
        public void load() {
            // nothing to load: ready() stays false and the worker stops
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public float[] embed(String text) {
            throw new IllegalStateException("semantic search is off");
        }
    };

    /** The model's name: embeddings of different models are never mixed. */
    String model();

    /** Loads the model; afterwards {@link #ready()} is true (unless this is {@link #OFF}). */
    void load();

    boolean ready();

    /** The unit-length embedding of a text; the model must be loaded. */
    float[] embed(String text);
}
