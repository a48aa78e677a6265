package ro.runner.marketplace.entity;

/** MAIN sells orders it fulfils itself (eMAG type 3); FBE orders are fulfilled by eMAG (type 2), read-only. */
public enum AccountType {
    MAIN,
    FBE;

    public int orderType() {
        return this == FBE ? 2 : 3;
    }
}
