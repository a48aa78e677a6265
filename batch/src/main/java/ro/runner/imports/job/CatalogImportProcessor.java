package ro.runner.imports.job;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
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
    Validator validator;

    @Override
    public Object processItem(Object item) {
        var source = (SourceLine) item;
        if (!source.rejections().isEmpty()) {
            return new Checked(source.target(), source.line(), source.nextOffset(), null, null, source.rejections());
        }
        var rejections = new ArrayList<Rejection>();
        Record row = Rows.parse(
                source.target().row, source.values(), source.columnOf(), validator, source.line(), rejections);
        return new Checked(source.target(), source.line(), source.nextOffset(), row, source.attributes(), rejections);
    }
}
