package id.outletkiosk.ui.kiosk;

import id.outletkiosk.pricing.PricedCart;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.Messages;

/** What a sync changed in the cart, in the customer's words. */
final class ChangeTexts {
    private ChangeTexts() {
    }

    static String describe(PricedCart.Change change, Messages messages) {
        return switch (change.kind()) {
            case PRICE -> messages.get("change.price", change.productName(), Rupiah.format(change.before()),
                    Rupiah.format(change.after()));
            case PROMOTION_STARTED -> messages.get("change.promotionStarted", change.productName(),
                    change.promotionName(), Rupiah.format(change.after()));
            case PROMOTION_ENDED -> messages.get("change.promotionEnded", change.productName(), change.promotionName(),
                    Rupiah.format(change.after()));
            case SOLD_OUT -> messages.get("change.soldOut", change.productName());
            case WITHDRAWN -> messages.get("change.withdrawn", change.productName());
        };
    }
}
