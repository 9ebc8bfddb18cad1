package io.playbooks.storage;

/** The learning tables on H2: an in-memory database of its own per test. */
class H2LearningTablesTest extends LearningTablesContract {

    @Override
    protected Database openDatabase(String name) {
        return Database.open("jdbc:h2:mem:" + name, "sa", "");
    }
}
