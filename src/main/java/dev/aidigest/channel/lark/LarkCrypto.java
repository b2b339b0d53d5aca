package dev.aidigest.channel.lark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lark's three bits of cryptography: decrypting an encrypted callback body (AES-256-CBC, key =
 * SHA-256 of the encrypt key, IV = the first 16 bytes), the callback signature (hex SHA-256 of
 * timestamp + nonce + encrypt key + body) and the custom group bot signature (HMAC-SHA256 keyed
 * with {@code timestamp + "\n" + secret} over nothing, Base64).
 */
final class LarkCrypto {

    private LarkCrypto() {}

    /** The plaintext of {@code {"encrypt": ...}}; throws when the key is wrong or the data mangled. */
    static String decrypt(String encryptKey, String base64) throws GeneralSecurityException {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not Base64", e);
        }
        if (data.length < 32 || data.length % 16 != 0) {
            throw new GeneralSecurityException("not an AES-CBC message");
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(sha256(encryptKey), "AES"),
                new IvParameterSpec(Arrays.copyOfRange(data, 0, 16)));
        return new String(cipher.doFinal(data, 16, data.length - 16), StandardCharsets.UTF_8);
    }

    /** What Lark puts in {@code X-Lark-Signature}. */
    static String signature(String timestamp, String nonce, String encryptKey, String body) {
        return HexFormat.of().formatHex(sha256(timestamp + nonce + encryptKey + body));
    }

    /** Constant-time comparison of two signatures (hex, case-insensitive). */
    static boolean same(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII),
                        given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code sign} of a custom group bot message sent at {@code timestampSeconds}. */
    static String customBotSign(long timestampSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    (timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
