package id.outletkiosk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RupiahTest {
    @Test
    void formatsAsIndonesiansWriteIt() {
        assertThat(Rupiah.format(new BigDecimal("15000"))).isEqualTo("Rp 15.000");
        assertThat(Rupiah.format(new BigDecimal("15000.00"))).isEqualTo("Rp 15.000");
        assertThat(Rupiah.format(new BigDecimal("1250000"))).isEqualTo("Rp 1.250.000");
        assertThat(Rupiah.format(new BigDecimal("500"))).isEqualTo("Rp 500");
        assertThat(Rupiah.format(new BigDecimal("0"))).isEqualTo("Rp 0");
        assertThat(Rupiah.format(new BigDecimal("2500.5"))).isEqualTo("Rp 2.500,50");
        assertThat(Rupiah.format(new BigDecimal("-5000"))).isEqualTo("-Rp 5.000");
    }
}
