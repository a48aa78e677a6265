package ro.runner.runs.boundary;

import jakarta.ejb.ApplicationException;

/** Asked for a schedule that does not exist: a 404, not a server error. */
@ApplicationException(rollback = true)
public class UnknownSchedule extends RuntimeException {

    public UnknownSchedule(String name) {
        super("no schedule named '" + name + "'");
    }
}
