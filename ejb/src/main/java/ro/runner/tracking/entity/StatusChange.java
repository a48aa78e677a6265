package ro.runner.tracking.entity;

/** An order's status change to track: the key of the tracking work, once per (order, status). */
public record StatusChange(long orderId, String status) {}
