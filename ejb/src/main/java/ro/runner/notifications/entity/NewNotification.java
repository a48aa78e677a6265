package ro.runner.notifications.entity;

import jakarta.json.JsonObject;

/** A notification to queue: its idempotency key, what to render for whom, and the order it is about. */
public record NewNotification(
        String type, String key, String recipient, Priority priority, JsonObject model, Long orderId) {}
