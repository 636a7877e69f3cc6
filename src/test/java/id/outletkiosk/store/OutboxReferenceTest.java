package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.testing.TestClocks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two kiosks in one store print different references: each starts them with its terminal name. */
class OutboxReferenceTest {
    @TempDir
    Path folder;

    private static String firstReference(Path db, String terminal) {
        try (Database database = Database.open(db)) {
            Outbox outbox = new Outbox(database, TestClocks.noonInJakarta(), terminal);
            return outbox.place(new NewOrder(1, "c-" + terminal, "Ani", List.of(new OrderItem(1, "Nasi", 1,
                    new BigDecimal("25000"), null)), null), Arrays.asList((Long) null), new BigDecimal("25000"), 1).reference();
        }
    }

    @Test
    void eachKioskPrefixesItsReferencesWithItsTerminalName() {
        assertThat(firstReference(folder.resolve("k1.db"), "K1")).isEqualTo("K1-0001");
        assertThat(firstReference(folder.resolve("k2.db"), "K2")).isEqualTo("K2-0001");
    }

    @Test
    void theTerminalSettingIsShortLettersOrDigits_upperCased_andKByDefault() {
        SettingsLoader loader = new SettingsLoader(folder);
        assertThat(loader.load(Map.of(), Map.of()).kiosk().terminal()).isEqualTo("K");
        assertThat(loader.load(Map.of(Setting.TERMINAL, "k2"), Map.of()).kiosk().terminal()).isEqualTo("K2");
        for (String bad : new String[] {"K-2", "KIOSK"}) {
            assertThatThrownBy(() -> loader.load(Map.of(Setting.TERMINAL, bad), Map.of()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessage("terminal: \"" + bad + "\" is not 1 to 4 letters or digits, like K2 (from --terminal)");
        }
    }
}
