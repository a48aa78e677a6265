package ro.runner.orders.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Locale;
import java.util.Optional;
import ro.runner.orders.entity.Order;
import ro.runner.orders.entity.OrderFilter;
import ro.runner.orders.entity.OrderView;
import ro.runner.runs.entity.Page;

/**
 * Reads of orders for the console and the API, on the replica. An order the replica does not have
 * yet (made a moment ago) is read from the primary, so a client that just checked out finds it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderQueries {

    @PersistenceContext(unitName = "replica")
    EntityManager replica;

    @PersistenceContext(unitName = "primary")
    EntityManager primary;

    public Page<OrderView> find(OrderFilter filter) {
        String where = where(filter);
        var items = bind(
                        replica.createQuery(
                                "SELECT o FROM Order o" + where + " ORDER BY o.createdAt DESC, o.id DESC", Order.class),
                        filter)
                .setFirstResult(filter.page() * filter.size())
                .setMaxResults(filter.size())
                .getResultList()
                .stream()
                .map(o -> OrderView.of(o, false))
                .toList();
        long total = bind(replica.createQuery("SELECT COUNT(o) FROM Order o" + where, Long.class), filter)
                .getSingleResult();
        return new Page<>(items, filter.page(), filter.size(), total);
    }

    public Optional<OrderView> byId(long id) {
        Order order = replica.find(Order.class, id);
        if (order == null) {
            order = primary.find(Order.class, id);
        }
        return Optional.ofNullable(order).map(o -> OrderView.of(o, true));
    }

    // Only the conditions that are set: a null Instant parameter reaches PostgreSQL untyped.
    private static String where(OrderFilter filter) {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.status() != null) {
            where.append(" AND o.status = :status");
        }
        if (filter.source() != null) {
            where.append(" AND o.source = :source");
        }
        if (filter.email() != null) {
            where.append(" AND o.customerEmail = :email");
        }
        if (filter.from() != null) {
            where.append(" AND o.createdAt >= :from");
        }
        if (filter.to() != null) {
            where.append(" AND o.createdAt < :to");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, OrderFilter filter) {
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        if (filter.email() != null) {
            query.setParameter("email", filter.email().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        return query;
    }
}
