package io.playbooks.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The playbook database on an H2 file under a folder whose commits reach the file only when flushed (H2's own writer
 * waits a minute, WRITE_DELAY), with its {@link Durability}; and what a {@code kill -9} of the process would leave
 * of that file now: a copy of it (what the process wrote, which the operating system keeps), opened on its own.
 */
public final class HeldInMemoryFile implements AutoCloseable {

    private final Path folder;
    private final Database database;
    private final Durability durability;

    private HeldInMemoryFile(Path folder, Database database, Durability durability) {
        this.folder = folder;
        this.database = database;
        this.durability = durability;
    }

    /** Opens (and migrates) the database, and stores the migrated schema in the file. */
    public static HeldInMemoryFile open(Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("playbooks") + ";AUTO_SERVER=FALSE;WRITE_DELAY=60000";
        Database database = Database.open(url, "", "");
        Durability durability = Durability.of(url, database.dataSource(), Duration.ofMinutes(1));
        durability.awaitStored();
        return new HeldInMemoryFile(folder, database, durability);
    }

    public Database database() {
        return database;
    }

    public Durability durability() {
        return durability;
    }

    /** The number {@code countQuery} answers on the file as a kill would leave it now. */
    public long countAfterAKill(String countQuery) throws Exception {
        Path copy = Files.createTempDirectory("what-a-kill-leaves");
        try {
            Files.copy(folder.resolve("playbooks.mv.db"), copy.resolve("playbooks.mv.db"));
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("playbooks"), "", "");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(countQuery)) {
                result.next();
                return result.getLong(1);
            }
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public void close() {
        durability.close();
        database.close();
    }
}
