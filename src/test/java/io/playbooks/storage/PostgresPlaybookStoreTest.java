package io.playbooks.storage;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The store on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresPlaybookStoreTest extends PlaybookStoreContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    private String url;

    @Override
    protected Database openDatabase(String name) throws Exception {
        url = POSTGRES.create(name);
        return Database.open(url, PostgresDatabases.USER, "");
    }

    @Override
    protected Database reopen() {
        return Database.open(url, PostgresDatabases.USER, "");
    }
}
