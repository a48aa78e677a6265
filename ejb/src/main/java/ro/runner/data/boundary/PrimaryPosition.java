package ro.runner.data.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import javax.sql.DataSource;
import ro.runner.data.entity.Lsn;

/** The primary's WAL position now: taken after a user's write, for that user's next reads. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrimaryPosition {

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    public Lsn now() {
        try (var connection = primary.getConnection();
                var rows = connection.createStatement().executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rows.next();
            return Lsn.parse(rows.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the primary's WAL position", e);
        }
    }
}
