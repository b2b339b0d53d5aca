package dev.aidigest.channel.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Checks Discord's {@code X-Signature-Ed25519} over timestamp + raw body with the application's
 * public key, using Java 17's own Ed25519 (the raw 32-byte key behind the X.509 prefix).
 */
final class DiscordSignature {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;

    /** @param publicKeyHex the application's public key as the developer portal shows it (64 hex digits) */
    DiscordSignature(String publicKeyHex) {
        try {
            byte[] raw = HexFormat.of().parseHex(publicKeyHex.trim());
            if (raw.length != 32) {
                throw new IllegalArgumentException(
                        "a Discord public key is 32 bytes (64 hex digits), got " + raw.length);
            }
            byte[] spki = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, spki, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, spki, X509_PREFIX.length, 32);
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** 64 bytes in hex: the shape of a signature, checked before the body is read. */
    static boolean wellFormed(String signatureHex) {
        return signatureHex != null
                && signatureHex.length() == 128
                && signatureHex.chars().allMatch(HexFormat::isHexDigit);
    }

    boolean verify(String signatureHex, String timestamp, String body) {
        if (!wellFormed(signatureHex) || timestamp == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return s.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
