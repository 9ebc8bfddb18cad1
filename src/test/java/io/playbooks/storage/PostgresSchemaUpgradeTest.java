package io.playbooks.storage;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The upgrades from older schemas on a real PostgreSQL (embedded). */
class PostgresSchemaUpgradeTest extends SchemaUpgradeContract {

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
