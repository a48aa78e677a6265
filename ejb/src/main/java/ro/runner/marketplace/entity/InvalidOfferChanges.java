package ro.runner.marketplace.entity;

import java.util.List;

/** Changes refused before anything was written: every problem, one line each, by item index. */
public class InvalidOfferChanges extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidOfferChanges(List<String> problems) {
        super(problems.size() + " invalid change(s): "
                + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                + (problems.size() > 20 ? "; …" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
