package ro.runner.imports.job;

import jakarta.batch.api.chunk.AbstractCheckpointAlgorithm;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Ends a catalogue import's chunk when the reader's {@link ChunkBudget} (kept in the step's
 * transient user data) is full: so many records or so many bytes of the file.
 */
@Dependent
@Named("catalogImportCheckpoints")
public class CatalogImportCheckpoints extends AbstractCheckpointAlgorithm {

    @Inject
    StepContext step;

    @Override
    public boolean isReadyToCheckpoint() {
        return step.getTransientUserData() instanceof ChunkBudget budget && budget.full();
    }

    @Override
    public void beginCheckpoint() {
        if (step.getTransientUserData() instanceof ChunkBudget budget) {
            budget.next();
        }
    }
}
