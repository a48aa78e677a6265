package ro.runner.runs.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ro.runner.runs.entity.RunKind;
import ro.runner.runs.entity.Schedule;
import ro.runner.runs.entity.Tags;

/**
 * Runs a schedule's task once, recorded in the ledger as a TIMER run tagged with its trigger: a
 * batch job ({@code batch:<job-id>}) started through the batch port, or a {@link ScheduledTask} bean
 * found by name.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledRuns {

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Inject
    RunRecorder recorder;

    @EJB
    BatchJobs batchJobs;

    @Inject
    @Any
    Instance<ScheduledTask> tasks;

    public String run(String name, String trigger) {
        Schedule schedule = primary.find(Schedule.class, name);
        if (schedule == null) {
            throw new UnknownSchedule(name);
        }
        try {
            return recorder.record(RunKind.TIMER, name, Tags.of("trigger", trigger), () -> start(schedule));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String start(Schedule schedule) {
        String job = schedule.batchJob();
        if (job == null) {
            for (ScheduledTask task : tasks) {
                if (task.name().equals(schedule.getTask())) {
                    try {
                        return task.run(schedule.parameterMap());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            throw new IllegalStateException(
                    "schedule " + schedule.getName() + " names an unknown task '" + schedule.getTask() + "'");
        }
        return "started " + job + " execution " + batchJobs.start(job, schedule.parameterMap());
    }
}
