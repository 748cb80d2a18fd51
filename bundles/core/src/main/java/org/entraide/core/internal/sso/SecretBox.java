package org.entraide.core.internal.sso;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the platform must read back (a brand's OpenID Connect client secret) with AES-256-GCM: a fresh 96-bit
 * nonce per value, the tag authenticates it, and the brand's id is bound as associated data so that a sealed value
 * copied to another brand's row does not open. A leaked table without the key gives nothing away.
 */
public final class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private volatile SecretKeySpec key;

    public SecretBox(byte[] key) {
        useKey(key);
    }

    /** A box with a random key, for a process that never restarts (tests); the server loads its key with {@link #loadKey}. */
    public static SecretBox random() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return new SecretBox(k);
    }

    public void useKey(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(bytes.clone(), "AES");
    }

    public String seal(long brandId, String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(brandId));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce)
                .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this brand */
    public String open(long brandId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            c.updateAAD(aad(brandId));
            return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed value does not open with this key (was sso.secret.key changed?)", e);
        }
    }

    private static byte[] aad(long brandId) {
        return ("brand_sso/" + brandId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The key: {@code configured} (base64 of 32 bytes, from {@code sso.secret.key}) when set; otherwise the one kept in
     * {@code file}, made on first start (readable by the owner only). Every node of a cluster must have the same key:
     * set it in the configuration there.
     */
    public static byte[] loadKey(String configured, Path file) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "sso.secret.key");
        }
        if (Files.exists(file)) {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        }
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Base64.getEncoder().encodeToString(k), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions protect it
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return k;
    }

    private static byte[] decode(String base64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not base64", e);
        }
        if (k.length != 32) {
            throw new IllegalArgumentException(where + " must hold 32 bytes (openssl rand -base64 32)");
        }
        return k;
    }
}
