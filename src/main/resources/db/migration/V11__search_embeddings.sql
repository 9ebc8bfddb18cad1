-- Search: the sentence embedding of each text the semantic search has embedded, keyed by the model and the SHA-256
-- of the text, so that a restart (which rebuilds the search index from the database) computes none again.
-- The vector is base64 of little-endian float32 values (384 for all-minilm-l6-v2-q: 2048 characters).
CREATE TABLE search_embeddings (
    model      VARCHAR(100)  NOT NULL,
    text_hash  VARCHAR(64)   NOT NULL,
    dimensions INTEGER       NOT NULL,
    vector     VARCHAR(8000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_search_embeddings PRIMARY KEY (model, text_hash)
);

-- The search index catches up with playbooks written by another path or instance by asking for recent updated_at.
CREATE INDEX ix_playbooks_updated_at ON playbooks (updated_at);
