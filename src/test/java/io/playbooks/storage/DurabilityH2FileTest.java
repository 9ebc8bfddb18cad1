package io.playbooks.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an H2 file that holds commits in memory (WRITE_DELAY), a commit is in the file, and so survives a kill, once
 * {@link Durability#awaitStored} returned, and not before.
 */
class DurabilityH2FileTest {

    private static final String COUNT = "SELECT COUNT(*) FROM note";

    @TempDir
    Path folder;

    private HeldInMemoryFile file;
    private Durability durability;

    @BeforeEach
    void open() throws Exception {
        file = HeldInMemoryFile.open(folder);
        durability = file.durability();
        execute("CREATE TABLE note(id INT PRIMARY KEY)");
        durability.awaitStored();
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void aCommitIsInTheFileOnceStoredAndNotBefore() throws Exception {
        execute("INSERT INTO note VALUES (1)");
        assertThat(file.countAfterAKill(COUNT)).as("committed, held in memory").isZero();

        durability.awaitStored();

        assertThat(file.countAfterAKill(COUNT)).as("after the flush").isEqualTo(1);
    }

    @Test
    void anActionAfterStoredSeesItsCommitInTheFile() throws Exception {
        execute("INSERT INTO note VALUES (1)");
        long[] inTheFile = {-1};
        durability.afterStored(() -> {
            try {
                inTheFile[0] = file.countAfterAKill(COUNT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        durability.awaitStored();

        assertThat(inTheFile[0]).isEqualTo(1);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = file.database().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
