package dev.aidigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.channel.ChatRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorAlertsTest {

    @Test
    void chatsAreNamedPlatformColonId() {
        assertThat(OperatorAlerts.parse("telegram:-1001234567890"))
                .isEqualTo(new ChatRef("telegram", "-1001234567890", ChatRef.Kind.GROUP));
        assertThat(OperatorAlerts.parse("lark:oc_abc:def").chatId()).isEqualTo("oc_abc:def");
    }

    @Test
    void aMalformedChatIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> OperatorAlerts.parse("12345")).hasMessageContaining("health.alert_chats");
        assertThatThrownBy(() -> OperatorAlerts.parse("telegram:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlatformThatIsNotRunningSendsNothing() {
        assertThat(new OperatorAlerts(List.of(), List.of("discord:1")).send("x"))
                .isZero();
    }
}
