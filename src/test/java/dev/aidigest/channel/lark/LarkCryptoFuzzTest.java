package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.testing.LarkCallbacks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Coverage-guided fuzzing of the decryption of Lark's {@code encrypt} field: any string either
 * decrypts or is refused with a {@link GeneralSecurityException} (never another exception), and
 * whatever Lark's side encrypts comes back unchanged. Runs its seed corpus
 * ({@code LarkCryptoFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LarkCryptoFuzzTest {

    static final String KEY = "1212121212";
    static final LarkCallbacks LARK = new LarkCallbacks(KEY, "v");

    @FuzzTest(maxDuration = "15s")
    void anyCiphertextDecryptsOrIsRefusedAndAnyPlaintextRoundTrips(FuzzedDataProvider data)
            throws GeneralSecurityException {
        String plaintext =
                new String(data.consumeString(2000).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String ciphertext = data.consumeRemainingAsString();
        try {
            assertThat(LarkCrypto.decrypt(KEY, ciphertext)).isNotNull();
        } catch (GeneralSecurityException refused) {
            // the documented refusal: the webhook answers 401
        }
        assertThat(LarkCrypto.decrypt(KEY, LARK.encrypt(plaintext))).isEqualTo(plaintext);
    }
}
