package id.outletkiosk.pricing;

import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.Promotion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Rupiah as Indonesians write it: {@code Rp 15.000}, with {@code ,50} only when there are sen. */
public final class Rupiah {
    private Rupiah() {
    }

    /** What a promotion takes off, for a badge: "-10%" or "-Rp 5.000". */
    public static String discountLabel(Promotion promotion) {
        return promotion.discountType() == DiscountType.PERCENTAGE
                ? "-" + promotion.discountValue().stripTrailingZeros().toPlainString() + "%"
                : "-" + format(promotion.discountValue());
    }

    public static String format(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        String digits = format.format(rounded.abs());
        return (rounded.signum() < 0 ? "-Rp " : "Rp ") + digits;
    }
}
