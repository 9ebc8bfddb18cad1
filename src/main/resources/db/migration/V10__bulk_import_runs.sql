-- Where a bulk import stands, so that one stopped by a shutdown (or a failure) resumes instead of starting over:
-- the listing position (the listing call whose answer holds the oldest page not done yet) and the pages done at
-- their version (a resumed run skips those, unless the page changed since). A run that completes leaves no row.
CREATE TABLE bulk_import_runs (
    space_key    VARCHAR(255)  NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    force_update BOOLEAN       NOT NULL,
    position     VARCHAR(4000),
    pages_done   INTEGER       NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_bulk_import_runs PRIMARY KEY (space_key)
);

CREATE TABLE bulk_import_pages (
    space_key      VARCHAR(255) NOT NULL,
    page_id        VARCHAR(255) NOT NULL,
    source_version INTEGER      NOT NULL,
    CONSTRAINT pk_bulk_import_pages PRIMARY KEY (space_key, page_id),
    CONSTRAINT fk_bulk_import_pages_run FOREIGN KEY (space_key) REFERENCES bulk_import_runs (space_key) ON DELETE CASCADE
);
