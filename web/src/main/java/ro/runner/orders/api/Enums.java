package ro.runner.orders.api;

import java.util.Arrays;
import java.util.Locale;

/** Reads enum parameters with an error that lists the allowed values. */
final class Enums {

    private Enums() {}

    static <E extends Enum<E>> E of(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    parameter + " is one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }
}
