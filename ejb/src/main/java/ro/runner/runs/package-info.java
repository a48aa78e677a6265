/**
 * The run ledger, schedules and the messaging groundwork every capability builds on.
 *
 * <p>Every background execution (a timer firing, a batch job execution, a message handled) records
 * itself as one row in {@code runs} through {@link ro.runner.runs.boundary.RunRecorder}; schedules
 * in the {@code schedules} table become persistent EJB calendar timers; consumers of JMS queues
 * retry with a growing delivery delay and end DEAD in the ledger through {@link
 * ro.runner.runs.boundary.Redelivery}.
 */
package ro.runner.runs;
