package id.outletkiosk.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a kitchen display does, from its {@code station} setting: whole orders (unset, as one kitchen
 * behind one screen), the expo ({@code expo}: whole orders with each station's progress, bumped to
 * ready and served), or a prep station that cooks some categories of the menu, named or numbered,
 * comma-separated ({@code Minuman} for the drinks bar; {@code Makanan, Snack}; {@code 3,7}).
 */
public sealed interface KitchenDuty {
    /** The whole order on one screen: today's board. */
    record WholeOrders() implements KitchenDuty {
    }

    record Expo() implements KitchenDuty {
    }

    /**
     * @param categories as typed: names (any case) or ids; matched against the menu when the screen opens
     */
    record Station(String name, List<String> categories) implements KitchenDuty {
        public Station {
            categories = List.copyOf(categories);
        }
    }

    KitchenDuty WHOLE_ORDERS = new WholeOrders();

    static KitchenDuty parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return WHOLE_ORDERS;
        }
        if (trimmed.toLowerCase(Locale.ROOT).equals("expo")) {
            return new Expo();
        }
        List<String> categories = Arrays.stream(trimmed.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (categories.isEmpty() || categories.stream().anyMatch(name -> name.length() > 60)) {
            throw new IllegalArgumentException("is not a list of menu categories, like Minuman or Makanan, Snack");
        }
        return new Station(String.join(", ", categories), categories);
    }

    /** The setting's text for this duty. */
    default String text() {
        if (this instanceof Station station) {
            return station.name();
        }
        return this instanceof Expo ? "expo" : "";
    }
}
