package ro.runner.imports.job;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Hands the reason of the first partition that failed (too many bad lines, an unreadable file) to
 * the job, whose exit status the imports row shows. The runtime passes each partition's step exit
 * status here; a partition's own job context is a copy the job never sees. The counts of a job that
 * did not fail come from the imports row ({@link CatalogImportListener}).
 */
@Dependent
@Named("catalogImportStatus")
public class CatalogImportStatus extends AbstractPartitionAnalyzer {

    @Inject
    JobContext job;

    private boolean failed;

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
        if (!failed && status == BatchStatus.FAILED && exitStatus != null && !exitStatus.equals(status.name())) {
            failed = true;
            job.setExitStatus(exitStatus);
        }
    }
}
