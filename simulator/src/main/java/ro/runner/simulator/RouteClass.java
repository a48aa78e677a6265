package ro.runner.simulator;

/** eMAG budgets order routes and all other routes separately, per account. */
public enum RouteClass {
    ORDER,
    OTHER;

    static RouteClass of(String resource) {
        return "order".equals(resource) ? ORDER : OTHER;
    }
}
