package io.playbooks.storage;

/** The store on H2: an in-memory database of its own per test, kept while the pool is open. */
class H2PlaybookStoreTest extends PlaybookStoreContract {

    private String url;

    @Override
    protected Database openDatabase(String name) {
        url = "jdbc:h2:mem:store-" + name;
        return Database.open(url, "sa", "");
    }

    @Override
    protected Database reopen() {
        return Database.open(url, "sa", "");
    }
}
