package io.playbooks.analytics;

import io.playbooks.storage.Database;
import io.playbooks.storage.PostgresDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analytics on a real PostgreSQL (embedded, started once for the class): a database of its own per test. */
class PostgresAnalyticsTest extends AnalyticsContract {

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
