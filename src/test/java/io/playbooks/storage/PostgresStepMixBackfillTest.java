package io.playbooks.storage;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Migration 13 on a real PostgreSQL (embedded). */
class PostgresStepMixBackfillTest extends StepMixBackfillContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected String createDatabase(String name) throws Exception {
        return POSTGRES.create(name);
    }

    @Override
    protected String user() {
        return PostgresDatabases.USER;
    }
}
