package ro.runner.marketplace.entity;

import java.time.Instant;
import java.util.List;

/**
 * An account's offer push at a glance: changes waiting, changes eMAG refused, the offers the last
 * product sync stored, and the last push run with its outcome and the latest refusals.
 */
public record OfferPushStatus(
        String account,
        long pending,
        long failed,
        long offers,
        Instant lastPushAt,
        String lastPushStatus,
        String lastPushSummary,
        List<String> recentErrors) {}
