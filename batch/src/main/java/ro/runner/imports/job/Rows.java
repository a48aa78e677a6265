package ro.runner.imports.job;

import jakarta.validation.Validator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds a row record from a line's values by the record's components (each named like its column,
 * in camelCase), then checks it with Bean Validation. Every problem becomes a rejection naming the
 * file's column and the value found there. The reflection is looked up once per row type, and a
 * row the {@link QuickCheck} finds certainly valid is not handed to the validator.
 */
final class Rows {

    private final Class<? extends Record> type;
    private final String[] columns;
    private final Class<?>[] types;
    private final MethodHandle constructor;
    private final MethodHandle[] accessors;
    private final QuickCheck quick;

    Rows(Class<? extends Record> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.columns = Arrays.stream(components).map(c -> column(c.getName())).toArray(String[]::new);
        this.types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        this.quick = new QuickCheck(type);
        try {
            var lookup = MethodHandles.lookup();
            this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length);
            this.accessors = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = lookup.unreflect(components[i].getAccessor());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    List<String> columns() {
        return List.of(columns);
    }

    Class<?>[] types() {
        return types.clone();
    }

    Record parse(
            Map<String, String> values,
            UnaryOperator<String> columnOf,
            Validator validator,
            long line,
            List<Rejection> rejections) {
        Object[] arguments = new Object[columns.length];
        boolean parsed = true;
        for (int i = 0; i < columns.length; i++) {
            String text = values.get(columns[i]);
            text = text == null || text.isBlank() ? null : text.strip();
            try {
                arguments[i] = text == null ? null : convert(types[i], text);
            } catch (NumberFormatException | ArithmeticException e) {
                parsed = false;
                rejections.add(new Rejection(line, columnOf.apply(columns[i]), text, "not a number"));
            }
        }
        if (!parsed) {
            return null;
        }
        Record row;
        try {
            row = (Record) constructor.invoke(arguments);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
        if (quick.passes(arguments)) {
            return row;
        }
        var violations = validator.validate(row);
        for (var violation : violations) {
            String field = column(violation.getPropertyPath().toString());
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

    /** A row's values as text, in component order, with two more empty slots at the end. */
    String[] values(Record row) {
        String[] values = new String[accessors.length + 2];
        for (int i = 0; i < accessors.length; i++) {
            try {
                Object value = accessors[i].invoke(row);
                values[i] = value == null ? null : value.toString();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
