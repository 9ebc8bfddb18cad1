package io.playbooks.conversion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** "sha256:" and the hex SHA-256 of a page's storage body (UTF-8): tells whether a page changed. */
public final class ContentHash {

    /** Cloned for each hash: looking the algorithm up among the security providers cost as much as hashing a page. */
    private static final MessageDigest SHA_256 = sha256();

    private ContentHash() {
    }

    public static String of(String storageBody) {
        byte[] digest = fresh().digest(storageBody.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest);
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
