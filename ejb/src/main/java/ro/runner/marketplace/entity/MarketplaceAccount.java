package ro.runner.marketplace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * An eMAG seller account. The password is kept only encrypted ({@code passwordSecret}); the
 * watermark is the newest eMAG {@code modified} time a complete sync saw.
 */
@Entity
@Table(name = "marketplace_accounts")
public class MarketplaceAccount {

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    private AccountType type;

    @Column(name = "base_url")
    private String baseUrl;

    private String username;

    @Column(name = "password_secret")
    private String passwordSecret;

    private boolean enabled;

    @Column(name = "order_watermark")
    private LocalDateTime orderWatermark;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected MarketplaceAccount() {}

    public MarketplaceAccount(String name, AccountType type) {
        if (name == null || !name.matches("[a-z0-9-]{1,50}")) {
            throw new IllegalArgumentException("an account name is 1-50 of a-z 0-9 -, got '" + name + "'");
        }
        this.name = name;
        this.type = type;
        this.enabled = true;
    }

    public void connect(String baseUrl, String username, String passwordSecret) {
        if (baseUrl == null || !baseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException(
                    "the platform URL starts with http:// or https:// (baseUrl was '" + baseUrl + "')");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.username = username;
        if (passwordSecret != null) {
            this.passwordSecret = passwordSecret;
        }
        if (this.passwordSecret == null) {
            throw new IllegalArgumentException("password is required for a new account");
        }
        this.updatedAt = Instant.now();
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    /** Moves the watermark forward only. */
    public void advanceWatermark(LocalDateTime seen) {
        if (seen != null && (orderWatermark == null || seen.isAfter(orderWatermark))) {
            orderWatermark = seen;
        }
    }

    public AccountView view() {
        return new AccountView(name, type, baseUrl, username, enabled, orderWatermark);
    }

    public String getName() {
        return name;
    }

    public AccountType getType() {
        return type;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordSecret() {
        return passwordSecret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public LocalDateTime getOrderWatermark() {
        return orderWatermark;
    }
}
