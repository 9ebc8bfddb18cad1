package io.playbooks.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void anH2FileDatabaseIsCreatedWithItsFolder(@TempDir Path dir) {
        Path file = dir.resolve("data/playbooks");
        try (Database database = Database.open("jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE", "", "")) {
            assertThat(new PlaybookStore(database.dataSource()).list()).isEmpty();
        }
        assertThat(dir.resolve("data/playbooks.mv.db")).exists();
    }

    @Test
    void anEmbeddedH2DatabaseKeepsTheStatementsOfAnImportParsedUnlessTheUrlSaysOtherwise() {
        assertThat(Database.withStatementCache("jdbc:h2:file:./data/playbooks;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/playbooks;WRITE_DELAY=0;QUERY_CACHE_SIZE=256");
        assertThat(Database.withStatementCache("jdbc:h2:mem:x;query_cache_size=4")).isEqualTo("jdbc:h2:mem:x;query_cache_size=4");
        assertThat(Database.withStatementCache("jdbc:h2:tcp://db/playbooks")).isEqualTo("jdbc:h2:tcp://db/playbooks");
        assertThat(Database.withStatementCache("jdbc:postgresql://db/playbooks")).isEqualTo("jdbc:postgresql://db/playbooks");
    }

    @Test
    void aBlankUrlIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Database.open(" ", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("playbooks.db.url");
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/none?password=secret&connectTimeout=2",
                "u", "p"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open database jdbc:postgresql://127.0.0.1:1/none?password=***")
                .message().doesNotContain("secret");
    }

    @Test
    void anUnknownJdbcUrlIsAClearError() {
        assertThatThrownBy(() -> Database.open("jdbc:nosuchdb:x", "", ""))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:nosuchdb:x");
    }

    @Test
    void aDatabaseMigratedInTheBackgroundMakesItsFirstQueryWaitForTheSchema(@TempDir Path dir) {
        try (Database database = Database.openInBackground("jdbc:h2:file:" + dir.resolve("playbooks") + ";AUTO_SERVER=FALSE", "", "")) {
            assertThat(new PlaybookStore(database.dataSource()).list()).isEmpty();
        }
    }

    @Test
    void aBackgroundMigrationThatFailsIsReportedByTheWaitAndByEveryConnection() {
        Database database = Database.openInBackground("jdbc:nosuchdb:x", "", "");

        assertThatThrownBy(database::awaitReady).isInstanceOf(StoreException.class).hasMessageContaining("jdbc:nosuchdb:x");
        assertThatThrownBy(() -> database.dataSource().getConnection())
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open database jdbc:nosuchdb:x");
        database.close();
    }

    @Test
    void aBlankUrlIsRefusedAtOnceInTheBackgroundToo() {
        assertThatThrownBy(() -> Database.openInBackground("", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("playbooks.db.url");
    }
}
