package ro.runner.runs.boundary;

import java.util.Map;

/**
 * A task a schedule can run that is not a batch job (a sync, a clean-up, a health check). A
 * capability implements it as a CDI bean in the ejb module; the {@code schedules} row names it by
 * {@link #name()} in its {@code task} column and passes its parameters.
 */
public interface ScheduledTask {

    /** The name a schedule's task column uses, e.g. {@code marketplace-order-sync}. */
    String name();

    /** Runs once; the returned summary goes into the run ledger. Throw to fail the run. */
    String run(Map<String, String> parameters) throws Exception;
}
