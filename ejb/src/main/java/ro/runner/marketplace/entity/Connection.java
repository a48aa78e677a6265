package ro.runner.marketplace.entity;

/** What the client needs to call one account, password decrypted, for the length of a call. */
public record Connection(String account, AccountType type, String baseUrl, String username, String password) {

    @Override
    public String toString() {
        return "Connection[" + account + " " + baseUrl + " as " + username + "]";
    }
}
