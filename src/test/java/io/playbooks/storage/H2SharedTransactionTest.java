package io.playbooks.storage;

/** Shared transactions on embedded H2, the default database: a database of its own per test. */
class H2SharedTransactionTest extends SharedTransactionContract {

    @Override
    protected Database openDatabase(String name) {
        return Database.open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "");
    }
}
