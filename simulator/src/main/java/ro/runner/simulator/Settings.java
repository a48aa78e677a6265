package ro.runner.simulator;

import java.util.Arrays;
import java.util.List;

/**
 * Start-up settings, from system properties ({@code sim.accounts}) or the environment
 * ({@code SIM_ACCOUNTS}); server-config/simulator/simulator.sh sets them from the profile.
 */
record Settings(
        List<Account> accounts,
        int seedOrders,
        int seedOffers,
        double ordersPerMinute,
        int orderLimit,
        int otherLimit,
        String callbackUrl,
        int callbackSeconds,
        long randomSeed) {

    static Settings load() {
        return new Settings(
                Arrays.stream(get("accounts", "main:runner-main:main-secret:MAIN,fbe:runner-fbe:fbe-secret:FBE")
                                .split(","))
                        .filter(s -> !s.isBlank())
                        .map(Account::parse)
                        .toList(),
                Integer.parseInt(get("seed.orders", "300")),
                Integer.parseInt(get("seed.offers", "200")),
                Double.parseDouble(get("orders.per.minute", "0")),
                Integer.parseInt(get("limit.orders", "12")),
                Integer.parseInt(get("limit.other", "3")),
                get("callback.url", ""),
                Integer.parseInt(get("callback.seconds", "60")),
                Long.parseLong(get("random.seed", "42")));
    }

    private static String get(String key, String fallback) {
        String value = System.getProperty("sim." + key);
        if (value == null || value.isBlank()) {
            value = System.getenv("SIM_" + key.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
