package ro.runner.runs.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ro.runner.runs.boundary.Schedules;
import ro.runner.runs.entity.ScheduleView;

/**
 * The Schedules page: every schedule with its next firing, and the three things an operator does to
 * one (change its expression, switch it on or off, run it now). A rejected expression is shown next
 * to its field and leaves the schedule and its timer as they were.
 */
@Named
@ViewScoped
public class SchedulesPage implements Serializable {

    static final String EXPRESSION_FIELD = "edit:expression";

    @Inject
    Schedules schedules;

    private List<ScheduleView> list;
    private String editing;
    private String expression;

    public List<ScheduleView> getList() {
        if (list == null) {
            try {
                list = schedules.list();
            } catch (RuntimeException e) {
                Feedback.error(e);
                list = List.of();
            }
        }
        return list;
    }

    public void startEdit(ScheduleView schedule) {
        editing = schedule.name();
        expression = schedule.expression();
    }

    @OperatorAction
    public void saveExpression() {
        try {
            var saved = schedules.edit(editing, expression, null);
            Feedback.info(saved.name() + " now runs at '" + saved.expression() + "'");
            list = null;
        } catch (RuntimeException e) {
            Feedback.invalid(EXPRESSION_FIELD, e);
        }
    }

    @OperatorAction
    public void enable(String name, boolean enabled) {
        try {
            schedules.edit(name, null, enabled);
            Feedback.info(name + (enabled ? " enabled" : " disabled"));
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        list = null;
    }

    @OperatorAction
    public void runNow(String name) {
        try {
            Feedback.info(schedules.runNow(name));
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
        list = null;
    }

    public String getEditing() {
        return editing;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }
}
