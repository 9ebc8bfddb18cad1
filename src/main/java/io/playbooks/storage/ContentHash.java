package io.playbooks.storage;

import io.playbooks.page.Attachment;
import io.playbooks.page.SourcePage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of what a playbook is made from: title, labels, storage body and attachment versions. It tells an
 * edit apart from a re-import when the Confluence version stays the same (offline files, restored pages).
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(SourcePage page) {
        MessageDigest digest = sha256();
        field(digest, page.title());
        field(digest, String.join(",", page.labels()));
        field(digest, page.storageBody());
        for (Attachment attachment : page.attachments()) {
            field(digest, attachment.fileName() + "@" + attachment.version());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // length-prefixed so that moving text from one field to the next changes the hash
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
