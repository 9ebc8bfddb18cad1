package io.playbooks.storage;

/** The upgrades from older schemas on H2, in memory. */
class H2SchemaUpgradeTest extends SchemaUpgradeContract {

    @Override
    protected String createDatabase(String name) {
        return "jdbc:h2:mem:" + name;
    }

    @Override
    protected String user() {
        return "sa";
    }
}
