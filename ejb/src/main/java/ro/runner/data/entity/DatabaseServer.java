package ro.runner.data.entity;

/** Which PostgreSQL server a connection reached, and whether it is a standby in recovery. */
public record DatabaseServer(String address, int port, boolean inRecovery) {}
