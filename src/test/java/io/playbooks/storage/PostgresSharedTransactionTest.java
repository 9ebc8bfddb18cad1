package io.playbooks.storage;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared transactions on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresSharedTransactionTest extends SharedTransactionContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected Database openDatabase(String name) throws Exception {
        return POSTGRES.open(name);
    }
}
