/** Batch jobs of the runs capability: the ledger's retention. */
package ro.runner.runs.job;
