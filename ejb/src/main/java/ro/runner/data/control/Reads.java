package ro.runner.data.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;

/**
 * The one way query classes read: the routing picks the {@code replica} or the {@code primary}
 * unit, and a replica that fails mid-read (before the monitor noticed) is answered from the primary,
 * so a read never fails because a replica did.
 */
@ApplicationScoped
public class Reads {

    @PersistenceContext(unitName = "replica")
    EntityManager replica;

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    @Inject
    ReadRouting routing;

    public <T> T read(Function<EntityManager, T> query) {
        if (!routing.decide().replica()) {
            return query.apply(primary);
        }
        try {
            return query.apply(replica);
        } catch (PersistenceException replicaFailed) {
            routing.fellBack();
            return query.apply(primary);
        }
    }
}
