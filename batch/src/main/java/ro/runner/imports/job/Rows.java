package ro.runner.imports.job;

import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds a row record from a line's values by the record's components (each named like its column,
 * in camelCase), then checks it with Bean Validation. Every problem becomes a rejection naming the
 * file's column and the value found there.
 */
final class Rows {

    private Rows() {}

    static String column(RecordComponent component) {
        return component.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    static <R extends Record> R parse(
            Class<R> type,
            Map<String, String> values,
            UnaryOperator<String> columnOf,
            Validator validator,
            long line,
            List<Rejection> rejections) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean parsed = true;
        for (int i = 0; i < components.length; i++) {
            String field = column(components[i]);
            types[i] = components[i].getType();
            String text = values.get(field);
            text = text == null || text.isBlank() ? null : text.strip();
            try {
                arguments[i] = text == null ? null : convert(types[i], text);
            } catch (NumberFormatException | ArithmeticException e) {
                parsed = false;
                rejections.add(new Rejection(line, columnOf.apply(field), text, "not a number"));
            }
        }
        if (!parsed) {
            return null;
        }
        R row;
        try {
            row = type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        var violations = validator.validate(row);
        for (var violation : violations) {
            String field = violation
                    .getPropertyPath()
                    .toString()
                    .replaceAll("([A-Z])", "_$1")
                    .toLowerCase();
            Object value = violation.getInvalidValue();
            rejections.add(new Rejection(
                    line,
                    columnOf.apply(field),
                    value == null ? null : value.toString(),
                    value == null ? "required" : violation.getMessage()));
        }
        return violations.isEmpty() ? row : null;
    }

    private static Object convert(Class<?> type, String text) {
        if (type == BigDecimal.class) {
            return Numbers.decimal(text);
        }
        if (type == Integer.class) {
            return Numbers.whole(text);
        }
        return text;
    }

    /** A row's values as text, in component order, for the writer's arrays. */
    static String[] values(Record row) {
        RecordComponent[] components = row.getClass().getRecordComponents();
        String[] values = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                Object value = components[i].getAccessor().invoke(row);
                values[i] = value == null ? null : value.toString();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
