package id.outletkiosk.config;

import java.util.Locale;

/** Which screen this terminal shows; {@code PICKUP} is the customers' screen of numbers preparing and ready. */
public enum Role {
    KIOSK, KITCHEN, MANAGER, PICKUP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role, or {@code null} when the text names none. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        return null;
    }
}
