package ro.runner.simulator;

/**
 * One seller account the simulator answers for. A MAIN account owns orders fulfilled by the seller
 * ({@code type} 3), an FBE account orders fulfilled by eMAG ({@code type} 2), which are read-only.
 */
public record Account(String name, String user, String password, Type type) {

    public enum Type {
        MAIN,
        FBE;

        public int orderType() {
            return this == FBE ? 2 : 3;
        }
    }

    /** Parses {@code name:user:password:TYPE}. */
    static Account parse(String spec) {
        String[] parts = spec.trim().split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("account '" + spec + "' is not name:user:password:MAIN|FBE");
        }
        return new Account(parts[0], parts[1], parts[2], Type.valueOf(parts[3].toUpperCase()));
    }
}
