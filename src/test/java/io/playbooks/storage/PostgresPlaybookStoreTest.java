package io.playbooks.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresPlaybookStoreTest extends PlaybookStoreContract {

    private static PostgresDatabases postgres;
    private String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresDatabases.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected Database openDatabase(String name) throws Exception {
        url = postgres.create(name);
        return Database.open(url, PostgresDatabases.USER, "");
    }

    @Override
    protected Database reopen() {
        return Database.open(url, PostgresDatabases.USER, "");
    }
}
