package io.playbooks.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a {@code kill -9} of the process that has an H2 file open would leave of it: a copy of the file as it is now
 * (what the process wrote, which the operating system keeps), opened as a database of its own. Commits that H2 still
 * holds in memory are not in it.
 */
public final class WhatAKillLeaves {

    private WhatAKillLeaves() {
    }

    /** The URL of an H2 file under {@code folder} whose commits reach the file only when flushed (within a minute). */
    public static String heldInMemoryUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("playbooks") + ";AUTO_SERVER=FALSE;WRITE_DELAY=60000";
    }

    /** The number {@code countQuery} answers on the file of {@link #heldInMemoryUrl} as a kill would leave it now. */
    public static long count(Path folder, String countQuery) throws Exception {
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
}
