package ro.runner.imports.job;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.ArrayList;

/**
 * Parses and validates each line. A rejected line is not filtered out but handed on with its
 * reasons, so the writer records it in the same transaction as the chunk's rows: after a restart a
 * line is neither reported twice nor lost.
 */
@Dependent
@Named("catalogImportProcessor")
public class CatalogImportProcessor implements ItemProcessor {

    @Inject
    ValidatorFactory validation;

    private Validator validator;

    @Override
    public Object processItem(Object item) {
        var source = (SourceLine) item;
        if (!source.rejections().isEmpty()) {
            return new Checked(source.target(), source.line(), source.nextOffset(), null, null, source.rejections());
        }
        var rejections = new ArrayList<Rejection>();
        Record row =
                source.target().rows.parse(source.values(), source.columnOf(), validator(), source.line(), rejections);
        return new Checked(source.target(), source.line(), source.nextOffset(), row, source.attributes(), rejections);
    }

    /**
     * Rows are plain records, never JPA entities: the default traversable resolver would ask the
     * persistence provider whether every property is loaded, which costs more than the validation.
     */
    private Validator validator() {
        if (validator == null) {
            validator = validation
                    .usingContext()
                    .traversableResolver(new Everything())
                    .getValidator();
        }
        return validator;
    }

    private static final class Everything implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }
    }
}
