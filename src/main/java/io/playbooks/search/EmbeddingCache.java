package io.playbooks.search;

import io.playbooks.storage.StoreException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Embeddings kept in the database (table {@code search_embeddings}) by model and SHA-256 of the embedded text, so
 * that a restart, which rebuilds the index from the database, computes none of them again.
 */
public class EmbeddingCache {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public EmbeddingCache(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The SHA-256 of a text, hex: the key its embedding is kept under. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Every embedding kept for a model, by text hash (read once when the index is rebuilt). */
    Map<String, float[]> all(String model) {
        Map<String, float[]> vectors = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT text_hash, dimensions, vector FROM search_embeddings WHERE model = ?")) {
            select.setString(1, model);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    vectors.put(rows.getString(1), Vectors.decode(rows.getString(3), rows.getInt(2)));
                }
            }
            return vectors;
        } catch (SQLException e) {
            throw new StoreException("cannot read the embeddings of model " + model + ": " + e.getMessage(), e);
        }
    }

    Optional<float[]> find(String model, String textHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT dimensions, vector FROM search_embeddings WHERE model = ? AND text_hash = ?")) {
            select.setString(1, model);
            select.setString(2, textHash);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(Vectors.decode(rows.getString(2), rows.getInt(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read embedding " + textHash + ": " + e.getMessage(), e);
        }
    }

    /** Keeps an embedding; one that another instance kept first is left as it is (same text, same model). */
    void save(String model, String textHash, float[] vector) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO search_embeddings (model, text_hash, dimensions, vector, created_at)
                     VALUES (?, ?, ?, ?, ?)
                     """)) {
            insert.setString(1, model);
            insert.setString(2, textHash);
            insert.setInt(3, vector.length);
            insert.setString(4, Vectors.encode(vector));
            insert.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StoreException("cannot keep embedding " + textHash + ": " + e.getMessage(), e);
            }
        }
    }
}
