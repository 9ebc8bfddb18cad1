-- Analytics kept over time, in roll-ups whose size depends on time and spaces, not on pages or syncs:
--   import_rollups      one row per space, hour and outcome that saw an import attempt (a counter, never a row
--                       per page): at most spaces x 6 outcomes x 8,760 hours a year, far fewer in practice;
--   import_failure_reasons  one row per space, day and (normalised) reason of a failed import;
--   space_snapshots     one row per space and day: the figures of the space as they stood at the last snapshot of
--                       that day (rewritten during the day, frozen after it);
--   version_step_quality    the step mix of each stored content version, counted once from its JSON (a cache:
--                       rebuilt from playbook_versions when missing).

-- epoch_hour: whole hours since 1970-01-01T00:00Z, so that hours fold into days and weeks by integer division
CREATE TABLE import_rollups (
    space_key  VARCHAR(255) NOT NULL,
    epoch_hour BIGINT       NOT NULL,
    outcome    VARCHAR(16)  NOT NULL,
    pages      BIGINT       NOT NULL,
    CONSTRAINT pk_import_rollups PRIMARY KEY (space_key, epoch_hour, outcome),
    CONSTRAINT ck_import_rollups_outcome
        CHECK (outcome IN ('created', 'updated', 'unchanged', 'not_playbook', 'invalid', 'error'))
);
CREATE INDEX ix_import_rollups_time ON import_rollups (epoch_hour);

CREATE TABLE import_failure_reasons (
    space_key VARCHAR(255)  NOT NULL,
    day_start TIMESTAMP WITH TIME ZONE NOT NULL,
    reason    VARCHAR(500)  NOT NULL,
    pages     BIGINT        NOT NULL,
    CONSTRAINT pk_import_failure_reasons PRIMARY KEY (space_key, day_start, reason)
);
CREATE INDEX ix_import_failure_reasons_time ON import_failure_reasons (day_start);

CREATE TABLE space_snapshots (
    space_key           VARCHAR(255) NOT NULL,
    snapshot_day        DATE         NOT NULL,
    pages_checked       INTEGER      NOT NULL,
    playbook_pages      INTEGER      NOT NULL,
    invalid_pages       INTEGER      NOT NULL,
    playbooks           INTEGER      NOT NULL,
    outdated            INTEGER      NOT NULL,
    steps               INTEGER      NOT NULL,
    concrete_steps      INTEGER      NOT NULL,
    noop_steps          INTEGER      NOT NULL,
    used_playbooks      INTEGER      NOT NULL,
    taken_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_space_snapshots PRIMARY KEY (space_key, snapshot_day)
);

CREATE TABLE version_step_quality (
    version_id     BIGINT  NOT NULL PRIMARY KEY REFERENCES playbook_versions (id),
    steps          INTEGER NOT NULL,
    concrete_steps INTEGER NOT NULL,
    noop_steps     INTEGER NOT NULL
);

-- update frequency reads the versions of a time window
CREATE INDEX ix_playbook_versions_created ON playbook_versions (created_at);
