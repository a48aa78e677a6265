package ro.runner.imports.job;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A fast pre-check of a row against the Bean Validation constraints declared on its record, read
 * from the annotations once. It only decides whether a row certainly passes: a row it doubts (or a
 * record with a constraint it does not know) goes to the real validator, which alone writes the
 * rejection messages. So the reports stay Bean Validation's, while the million good rows of a
 * large file skip the validator's per-row path and node bookkeeping.
 */
final class QuickCheck {

    private final List<Predicate<Object[]>> checks = new ArrayList<>();
    private final boolean complete;

    QuickCheck(Class<? extends Record> type) {
        boolean known = true;
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            // the constraints land on the record's field, accessor and component type: read the
            // field's, and leave the whole record to the validator if the others hold anything else
            var onField = List.of(field(type, components[i]).getDeclaredAnnotations());
            var elsewhere = new ArrayList<Annotation>(
                    List.of(components[i].getAccessor().getDeclaredAnnotations()));
            elsewhere.addAll(List.of(components[i].getAnnotatedType().getDeclaredAnnotations()));
            known &= onField.containsAll(elsewhere);
            for (Annotation annotation : onField) {
                var check = check(i, annotation);
                if (check == null) {
                    known = false;
                } else {
                    checks.add(check);
                }
            }
        }
        this.complete = known;
    }

    private static Field field(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True only when every declared constraint certainly holds for these component values. */
    boolean passes(Object[] values) {
        if (!complete) {
            return false;
        }
        for (var check : checks) {
            if (!check.test(values)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<Object[]> check(int i, Annotation annotation) {
        if (annotation instanceof NotBlank) {
            return v -> v[i] instanceof String s && !s.isBlank();
        }
        if (annotation instanceof NotNull) {
            return v -> v[i] != null;
        }
        if (annotation instanceof Size size) {
            return v ->
                    v[i] == null || v[i] instanceof String s && s.length() >= size.min() && s.length() <= size.max();
        }
        if (annotation instanceof Pattern pattern && pattern.flags().length == 0) {
            var compiled = java.util.regex.Pattern.compile(pattern.regexp());
            return v -> v[i] == null
                    || v[i] instanceof String s && compiled.matcher(s).matches();
        }
        if (annotation instanceof DecimalMin min && min.inclusive()) {
            var bound = new BigDecimal(min.value());
            return v -> v[i] == null || v[i] instanceof BigDecimal d && d.compareTo(bound) >= 0;
        }
        if (annotation instanceof DecimalMax max && max.inclusive()) {
            var bound = new BigDecimal(max.value());
            return v -> v[i] == null || v[i] instanceof BigDecimal d && d.compareTo(bound) <= 0;
        }
        if (annotation instanceof Min min) {
            return v -> v[i] == null || v[i] instanceof Integer n && n >= min.value();
        }
        if (annotation instanceof Max max) {
            return v -> v[i] == null || v[i] instanceof Integer n && n <= max.value();
        }
        if (annotation instanceof PositiveOrZero) {
            return v -> v[i] == null
                    || v[i] instanceof Integer n && n >= 0
                    || v[i] instanceof BigDecimal d && d.signum() >= 0;
        }
        if (annotation instanceof Digits digits) {
            return v -> v[i] == null || v[i] instanceof BigDecimal d && fits(d, digits.integer(), digits.fraction());
        }
        return null;
    }

    /** @Digits read strictly (trailing zeros count): a value it doubts goes to the validator. */
    private static boolean fits(BigDecimal value, int integer, int fraction) {
        return value.precision() - value.scale() <= integer && Math.max(value.scale(), 0) <= fraction;
    }
}
