package ro.runner.imports.job;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.regex.Pattern;

/**
 * Hands the partitions' exit statuses on to the job, which the imports row shows: the first failed
 * partition's reason (too many bad lines, an unreadable file) wins; otherwise the counts with the
 * most lines read, those of the chunk that committed last, which include every partition's.
 */
@Dependent
@Named("catalogImportStatus")
public class CatalogImportStatus extends AbstractPartitionAnalyzer {

    private static final Pattern COUNTS = Pattern.compile("^read (\\d+),");

    @Inject
    JobContext job;

    private boolean failed;
    private long read = -1;

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
        if (failed || exitStatus == null || exitStatus.isBlank() || exitStatus.equals(status.name())) {
            return;
        }
        if (status == BatchStatus.FAILED) {
            failed = true;
            job.setExitStatus(exitStatus);
            return;
        }
        var counts = COUNTS.matcher(exitStatus);
        long partitionRead = counts.find() ? Long.parseLong(counts.group(1)) : 0;
        if (partitionRead > read) {
            read = partitionRead;
            job.setExitStatus(exitStatus);
        }
    }
}
