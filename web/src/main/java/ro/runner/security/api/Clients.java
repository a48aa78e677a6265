package ro.runner.security.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who a public request comes from, for per-client limits: the peer address, or the first
 * X-Forwarded-For hop when the peer is a trusted proxy (runner.rate-limit.trusted-proxies, default
 * the loopback addresses of a local reverse proxy).
 */
public final class Clients {

    private Clients() {}

    public static String of(HttpServletRequest http) {
        String peer = http.getRemoteAddr();
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank() && trustedProxies().contains(peer)) {
            String first = forwarded.split(",")[0].trim();
            return first.length() > 64 ? first.substring(0, 64) : first;
        }
        return peer;
    }

    private static Set<String> trustedProxies() {
        return Set.of(ConfigProvider.getConfig()
                .getOptionalValue("runner.rate-limit.trusted-proxies", String.class)
                .orElse("127.0.0.1,0:0:0:0:0:0:0:1,::1")
                .split("\\s*,\\s*"));
    }
}
