package dev.aidigest.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Plays Discord's side of HTTP interactions: a fresh Ed25519 key pair per test (as
 * discord-interactions-js does), the public key in the portal's hex form, and signed headers.
 */
public final class DiscordSigner {

    private final KeyPair keys;

    public DiscordSigner() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte key in hex, as the developer portal shows it. */
    public String publicKeyHex() {
        byte[] spki = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    public Map<String, String> headers(String body) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        return Map.of(
                "x-signature-ed25519", sign(ts, body), "x-signature-timestamp", ts, "content-type", "application/json");
    }

    public String sign(String timestamp, String body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
