package ro.runner.data.control;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Asks a database whether it is in recovery and how old its last replayed transaction is: the
 * replica check shows which server the replica pool reached, so a fallback to the primary is seen.
 */
public final class DatabaseProbe {

    private static final String PROBE =
            "SELECT pg_is_in_recovery()," + " COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)";

    private DatabaseProbe() {}

    public static HealthCheckResponse probe(String name, DataSource dataSource) {
        var response = HealthCheckResponse.named(name);
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(PROBE)) {
            result.next();
            return response.up()
                    .withData("inRecovery", result.getBoolean(1))
                    .withData("replayAgeSeconds", Math.round(result.getDouble(2)))
                    .build();
        } catch (SQLException e) {
            return response.down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
