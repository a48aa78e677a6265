package ro.runner.marketplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.EmagAnswer;
import ro.runner.marketplace.entity.RouteClass;

/**
 * Every call to eMAG goes through here: the account's circuit is checked, a slot is taken from the
 * shared rate limiter before each attempt, and what may pass if repeated (429, 5xx, timeouts,
 * malformed bodies, and isError on reads) is retried with backoff: Retry-After when eMAG sends
 * one, else 1 s doubling up to 8 s. The whole call fails after {@code ATTEMPTS}; the circuit counts
 * that failure.
 */
@ApplicationScoped
public class MarketplaceGateway {

    static final int ATTEMPTS = 7;
    private static final Logger LOG = Logger.getLogger(MarketplaceGateway.class.getName());

    @Inject
    EmagClient client;

    @Inject
    RateLimits limits;

    @Inject
    AccountCircuits circuits;

    public EmagAnswer call(Connection connection, String route, String json) {
        String account = connection.account();
        circuits.check(account);
        RouteClass routeClass = RouteClass.of(route);
        long backoff = 1000;
        for (int attempt = 1; ; attempt++) {
            sleep(limits.reserve(account, routeClass));
            RuntimeException failure;
            long wait = backoff;
            try {
                EmagAnswer answer = client.call(connection, route, json);
                if (answer.isError() && isRead(route)) {
                    failure = new EmagUnavailable(route + ": " + answer.describe(), 0, false, null);
                } else {
                    circuits.succeeded(account);
                    return answer;
                }
            } catch (EmagRefused e) {
                circuits.failed(account, e.getMessage());
                throw e;
            } catch (EmagUnavailable e) {
                failure = e;
                if (e.retryAfterMillis() > 0) {
                    wait = e.retryAfterMillis();
                }
            } catch (FaultToleranceException e) {
                failure = new EmagUnavailable(route + ": " + e.getClass().getSimpleName(), 0, false, e);
            }
            if (attempt >= ATTEMPTS) {
                circuits.failed(account, failure.getMessage());
                throw new EmagUnavailable(
                        account + " " + route + ": gave up after " + attempt + " attempts; last: "
                                + failure.getMessage(),
                        0,
                        false,
                        failure);
            }
            String why = failure.getMessage();
            LOG.fine(() -> account + " " + route + " will be retried: " + why);
            sleep(wait);
            backoff = Math.min(backoff * 2, 8000);
        }
    }

    private static boolean isRead(String route) {
        return route.endsWith("/read") || route.endsWith("/count");
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmagUnavailable("interrupted while waiting", 0, false, e);
        }
    }
}
