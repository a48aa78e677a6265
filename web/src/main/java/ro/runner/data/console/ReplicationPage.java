package ro.runner.data.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import ro.runner.data.boundary.Replication;
import ro.runner.data.entity.ReplicationStatus;
import ro.runner.runs.console.OperatorAction;

/** The Replication page: the monitor's last view, refreshed by the page every two seconds. */
@Named
@RequestScoped
public class ReplicationPage {

    @EJB
    Replication replication;

    private ReplicationStatus status;

    public ReplicationStatus getStatus() {
        if (status == null) {
            status = replication.status();
        }
        return status;
    }

    @OperatorAction
    public void route(boolean toReplicas) {
        status = replication.route(toReplicas);
    }
}
