package ro.runner.data;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.data.boundary.UnitServers;
import ro.runner.data.entity.DatabaseServer;
import ro.runner.it.Deployments;

/** In the server: the replica unit reads from a standby, the primary unit from the primary. */
@ExtendWith(ArquillianExtension.class)
class PersistenceUnitsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(PersistenceUnitsIT.class);
    }

    @Inject
    UnitServers servers;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    @Test
    void replicaUnitReadsFromAServerInRecovery() {
        DatabaseServer replica = servers.replica();
        DatabaseServer primary = servers.primary();

        assertThat(replica.inRecovery()).as("replica unit reached %s", replica).isTrue();
        assertThat(primary.inRecovery()).as("primary unit reached %s", primary).isFalse();
        assertThat(replica.port()).isNotEqualTo(primary.port());
    }

    @Test
    void flywayMigratedThePrimaryAtDeploy() throws SQLException {
        try (var connection = primary.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT version, success FROM flyway_schema_history WHERE version = '1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean("success")).isTrue();
        }
    }

    @Test
    void theFirstAdminExistsWithAllRolesAndAHashedPassword() throws SQLException {
        try (var connection = primary.getConnection();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT u.password_hash, string_agg(r.role, ',' ORDER BY r.role)"
                                + " FROM users u JOIN user_roles r USING (username)"
                                + " WHERE u.username = 'admin' GROUP BY u.password_hash")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("PBKDF2WithHmac");
            assertThat(rows.getString(2)).isEqualTo("admin,operator,viewer");
        }
    }
}
