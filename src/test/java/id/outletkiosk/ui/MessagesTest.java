package id.outletkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

/** A pattern parsed once per key formats every call's arguments as a fresh {@link MessageFormat} would. */
class MessagesTest {
    @Test
    void aKeptPatternFormatsEachCallsArgumentsAsAFreshOneWould() {
        for (Messages messages : new Messages[] {Messages.indonesian(), Messages.english()}) {
            for (Object[] arguments : new Object[][] {{12_500}, {1}, {3}, {1_234_567.5}, {12_500}}) {
                assertThat(messages.get("status.outbox", arguments)).isEqualTo(
                        new MessageFormat(messages.bundle().getString("status.outbox"), messages.locale()).format(arguments));
            }
            assertThat(messages.get("menu.subtitle", "7", "Senayan")).isEqualTo(
                    new MessageFormat(messages.bundle().getString("menu.subtitle"), messages.locale())
                            .format(new Object[] {"7", "Senayan"}));
        }
        assertThat(Messages.indonesian().get("status.outbox", 2)).isEqualTo("2 pesanan menunggu dikirim");
        assertThat(Messages.english().get("status.outbox", 2)).isNotEqualTo(Messages.indonesian().get("status.outbox", 2));
    }

    @Test
    void anUnknownKeyIsStillRefused() {
        assertThatThrownBy(() -> Messages.english().get("no.such.key", 1)).isInstanceOf(MissingResourceException.class);
        assertThatThrownBy(() -> Messages.english().get("no.such.key")).isInstanceOf(MissingResourceException.class);
    }
}
