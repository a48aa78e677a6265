package ro.runner.security.entity;

/** The roles of the console and the API. Groups in the identity store map to them one to one. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    private Role() {}
}
