package id.outletkiosk.config;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.KitchenStation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a kitchen display does, from its {@code station} setting: whole orders (unset, as one kitchen
 * behind one screen), the expo ({@code expo}: whole orders with each station's progress, bumped to
 * ready and served), or a prep station that cooks some categories of the menu, named or numbered,
 * comma-separated ({@code Minuman} for the drinks bar; {@code Makanan, Snack}; {@code 3,7}), with the
 * station's own short name before a colon if the list is long ({@code Dapur: Nasi, Mie, Sup}): the expo
 * calls stations by it ("Bar ✔ · Dapur 2/3").
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

        /** True when the setting names this category, by its id or its name (any case). */
        public boolean cooks(Category category) {
            return category != null && categories.stream().anyMatch(named -> matches(named, category));
        }

        /** This station as the store server knows it: its name and the ids of the menu's categories it cooks. */
        public KitchenStation resolve(List<Category> menu) {
            return new KitchenStation(name, menu.stream().filter(this::cooks).map(Category::id).toList());
        }

        /** The categories the setting names that the menu does not have (a typo the manager must see). */
        public List<String> unknownIn(List<Category> menu) {
            return categories.stream().filter(named -> menu.stream().noneMatch(category -> matches(named, category)))
                    .toList();
        }

        private static boolean matches(String named, Category category) {
            return named.equals(Long.toString(category.id()))
                    || named.toLowerCase(Locale.ROOT).equals(category.name().strip().toLowerCase(Locale.ROOT));
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
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? null : trimmed.substring(0, colon).strip();
        List<String> categories = Arrays.stream(trimmed.substring(colon + 1).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (categories.isEmpty() || categories.stream().anyMatch(category -> category.length() > 60)
                || (name != null && (name.isEmpty() || name.length() > 30))) {
            throw new IllegalArgumentException("is not a list of menu categories, like Minuman, or Makanan, Snack, "
                    + "or Dapur: Makanan, Snack");
        }
        return new Station(name != null ? name : String.join(", ", categories), categories);
    }

    /** The setting's text for this duty. */
    default String text() {
        if (this instanceof Station station) {
            String categories = String.join(", ", station.categories());
            return station.name().equals(categories) ? categories : station.name() + ": " + categories;
        }
        return this instanceof Expo ? "expo" : "";
    }
}
