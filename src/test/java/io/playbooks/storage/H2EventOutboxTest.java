package io.playbooks.storage;

/** The outbox on embedded H2, the default database: a database of its own per test. */
class H2EventOutboxTest extends EventOutboxContract {

    @Override
    protected Database openDatabase(String name) {
        return Database.open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "");
    }
}
