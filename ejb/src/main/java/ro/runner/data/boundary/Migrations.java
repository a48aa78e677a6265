package ro.runner.data.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the primary's schema to the version this EAR was built for, before any other startup bean
 * touches the database (they declare {@code @DependsOn("Migrations")}). Flyway's own lock makes two
 * nodes starting together migrate once.
 */
@Singleton
@Startup
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    // Flyway manages its own local transactions: no JTA transaction may be active around it. The
    // attribute is on the callback itself: Payara ignores a class-level one for @PostConstruct.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        var result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(primary)
                .locations("classpath:db/migration")
                // Payara creates its timer and batch tables in the same schema, possibly first:
                // baseline below V1 so Flyway accepts them and still applies every migration.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
