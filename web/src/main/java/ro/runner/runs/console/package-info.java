/**
 * The operator console's pages over the run ledger, schedules and batch jobs, and the frame every
 * later capability's page hangs in (layout, navigation, sign-out, feedback).
 *
 * <p>Page beans stay thin: they delegate to the {@code ro.runner.runs.boundary} EJBs and turn their
 * failures into messages. Anything that changes state is an {@link ro.runner.runs.console.OperatorAction}
 * and so is refused to viewers on the server, whatever the page shows.
 */
package ro.runner.runs.console;
