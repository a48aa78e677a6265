package ro.runner.marketplace.entity;

import java.time.LocalDateTime;

/** An account as the API and the console show it: never its password. */
public record AccountView(
        String name,
        AccountType type,
        String baseUrl,
        String username,
        boolean enabled,
        LocalDateTime orderWatermark) {}
