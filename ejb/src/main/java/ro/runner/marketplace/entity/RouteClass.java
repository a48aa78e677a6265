package ro.runner.marketplace.entity;

/** eMAG's rate budgets per account: order routes 12 requests/s, all other routes together 3/s. */
public enum RouteClass {
    ORDER(12),
    OTHER(3);

    public final int perSecond;

    RouteClass(int perSecond) {
        this.perSecond = perSecond;
    }

    public static RouteClass of(String route) {
        return route.startsWith("order/") ? ORDER : OTHER;
    }
}
