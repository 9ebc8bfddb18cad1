package io.playbooks.storage;

/** Migration 13 on H2, in memory. */
class H2StepMixBackfillTest extends StepMixBackfillContract {

    @Override
    protected String createDatabase(String name) {
        return "jdbc:h2:mem:" + name;
    }

    @Override
    protected String user() {
        return "sa";
    }
}
