package ro.runner.data.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import javax.sql.DataSource;
import ro.runner.data.control.SharedRead;
import ro.runner.data.entity.Lsn;

/**
 * The primary's WAL position now: taken after a user's write, for that user's next reads. Writers
 * answered at about the same time share one query ({@link SharedRead}), which still starts after
 * each of their commits: under load a query per write was a fifth of a payment's statements.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrimaryPosition {

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    private SharedRead<Lsn> position;

    @PostConstruct
    void init() {
        position = new SharedRead<>(this::read);
    }

    public Lsn now() {
        return position.get();
    }

    private Lsn read() {
        try (var connection = primary.getConnection();
                var rows = connection.createStatement().executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rows.next();
            return Lsn.parse(rows.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the primary's WAL position", e);
        }
    }
}
