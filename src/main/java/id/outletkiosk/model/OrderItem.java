package id.outletkiosk.model;

import java.math.BigDecimal;

/** One line of an order. {@code productName} and {@code unitPrice} are what the server echoed, when it did. */
public record OrderItem(long productId, String productName, int quantity, BigDecimal unitPrice, String notes) {
}
