package io.playbooks.confluence;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps the Confluence token out of plain text at rest: AES-256-GCM with a key that lives apart from the settings
 * file, either in {@code PLAYBOOKS_SECRET_KEY} (base64) or in a key file readable by the owner only.
 */
public final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base64Key;
    private final Path keyFile;
    private SecretKey key;

    private TokenCipher(String base64Key, Path keyFile) {
        this.base64Key = base64Key;
        this.keyFile = keyFile;
    }

    /**
     * The key from the base64 value when given, else from the key file, created on first use (not before: a service
     * that never saves a token writes no key).
     */
    public static TokenCipher open(String base64Key, Path keyFile) {
        return new TokenCipher(base64Key, keyFile);
    }

    private synchronized SecretKey key() {
        if (key == null) {
            key = loadKey();
        }
        return key;
    }

    private SecretKey loadKey() {
        if (base64Key != null && !base64Key.isBlank()) {
            return new SecretKeySpec(Base64.getDecoder().decode(base64Key.trim()), "AES");
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, RANDOM);
                createOwnerOnly(keyFile);
                Files.write(keyFile, Base64.getEncoder().encode(generator.generateKey().getEncoded()));
            }
            byte[] encoded = Base64.getDecoder().decode(Files.readString(keyFile).trim());
            return new SecretKeySpec(encoded, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the token", e);
        }
    }

    public String decrypt(String sealedBase64) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored token cannot be decrypted with this key"
                    + " (was the key file replaced or PLAYBOOKS_SECRET_KEY changed?)", e);
        }
    }

    /** Creates the key file readable by its owner only from the first byte (no window with the umask's rights). */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's ACL; nothing more to do portably
            Files.createFile(file);
        }
    }
}
