-- The last version of every page an import or sync looked at, whatever came of it (playbook or not), so that a
-- sync skips a page it has seen at that version: the overlap of the incremental sync then costs no page fetch.
CREATE TABLE page_checks (
    space_key      VARCHAR(255) NOT NULL,
    page_id        VARCHAR(255) NOT NULL,
    source_version INTEGER      NOT NULL,
    outcome        VARCHAR(32)  NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_page_checks PRIMARY KEY (space_key, page_id)
);
