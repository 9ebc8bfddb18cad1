package io.playbooks.conversion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** "sha256:" and the hex SHA-256 of a page's storage body (UTF-8): tells whether a page changed. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String storageBody) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(storageBody.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
