package ro.runner.data.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ro.runner.data.entity.DatabaseServer;

/**
 * Says which server each persistence unit reaches right now: the primary unit must reach the
 * primary, the replica unit a standby (or the primary, when the replica pool fell back to it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnitServers {

    private static final String WHO = "SELECT COALESCE(host(inet_server_addr()), 'socket'),"
            + " COALESCE(inet_server_port(), 0), pg_is_in_recovery()";

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @PersistenceContext(unitName = "replica")
    EntityManager replica;

    public DatabaseServer primary() {
        return ask(primary);
    }

    public DatabaseServer replica() {
        return ask(replica);
    }

    private static DatabaseServer ask(EntityManager unit) {
        Object[] row = (Object[]) unit.createNativeQuery(WHO).getSingleResult();
        return new DatabaseServer((String) row[0], ((Number) row[1]).intValue(), (Boolean) row[2]);
    }
}
