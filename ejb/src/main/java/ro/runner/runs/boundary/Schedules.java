package ro.runner.runs.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import ro.runner.runs.entity.Schedule;
import ro.runner.runs.entity.ScheduleView;

/**
 * Keeps one persistent EJB calendar timer per enabled schedule row. At start it reconciles the
 * timers the server kept with the table (so a restart neither loses nor doubles a timer); an edit
 * re-creates the timer in the same transaction as the row, so both change or neither does.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class Schedules {

    private static final Logger LOG = Logger.getLogger(Schedules.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Inject
    ScheduledRuns runs;

    @PostConstruct
    void reconcile() {
        Map<String, Timer> kept = new HashMap<>();
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof String info && kept.putIfAbsent(info, timer) == null) {
                continue;
            }
            timer.cancel();
        }
        for (Schedule schedule : all()) {
            Timer timer = kept.remove(info(schedule));
            if (timer == null && schedule.isEnabled()) {
                create(schedule);
            } else if (timer != null && !schedule.isEnabled()) {
                timer.cancel();
            }
        }
        kept.values().forEach(Timer::cancel);
        LOG.info(() -> "Schedules: " + timers.getTimers().size() + " timers active");
    }

    @Timeout
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        runs.run(nameOf((String) timer.getInfo()), "timer");
    }

    @Lock(LockType.READ)
    public List<ScheduleView> list() {
        return all().stream().map(this::view).toList();
    }

    @Lock(LockType.READ)
    public ScheduleView get(String name) {
        return view(find(name));
    }

    /** Changes the expression and/or the enabled flag; null leaves that part as it is. */
    public ScheduleView edit(String name, String expression, Boolean enabled) {
        Schedule schedule = find(name);
        cancel(schedule.getName());
        if (expression != null) {
            schedule.reschedule(expression);
        }
        if (enabled != null) {
            schedule.enable(enabled);
        }
        if (schedule.isEnabled()) {
            create(schedule);
        }
        primary.flush();
        return view(schedule);
    }

    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String runNow(String name) {
        return runs.run(find(name).getName(), "manual");
    }

    private List<Schedule> all() {
        return primary.createQuery("SELECT s FROM Schedule s ORDER BY s.name", Schedule.class)
                .getResultList();
    }

    private Schedule find(String name) {
        Schedule schedule = primary.find(Schedule.class, name);
        if (schedule == null) {
            throw new UnknownSchedule(name);
        }
        return schedule;
    }

    private void create(Schedule schedule) {
        timers.createCalendarTimer(schedule.calendar().toScheduleExpression(), new TimerConfig(info(schedule), true));
    }

    private void cancel(String name) {
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof String info && name.equals(nameOf(info))) {
                timer.cancel();
            }
        }
    }

    private ScheduleView view(Schedule schedule) {
        Instant next = timers.getTimers().stream()
                .filter(t -> info(schedule).equals(t.getInfo()))
                .map(t -> t.getNextTimeout().toInstant())
                .findFirst()
                .orElse(null);
        return ScheduleView.of(schedule, next);
    }

    /** A timer's info names its schedule and the expression it was made from. */
    private static String info(Schedule schedule) {
        return schedule.getName() + "|" + schedule.getExpression();
    }

    private static String nameOf(String info) {
        return info.substring(0, info.indexOf('|'));
    }
}
