package io.playbooks.analytics;

import io.playbooks.storage.Database;

/** The analytics on H2: an in-memory database of its own per test, kept while the pool is open. */
class H2AnalyticsTest extends AnalyticsContract {

    private String url;

    @Override
    protected Database openDatabase(String name) {
        url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return Database.open(url, "sa", "");
    }

    @Override
    protected Database reopen() {
        return Database.open(url, "sa", "");
    }
}
