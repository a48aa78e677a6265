package ro.runner.notifications.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import ro.runner.notifications.entity.Notification;
import ro.runner.notifications.entity.NotificationStatus;
import ro.runner.runs.entity.Page;

/** Lists of notifications for the console and the API, on the replica, newest first. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationQueries {

    @PersistenceContext(unitName = "replica")
    EntityManager replica;

    public Page<Notification> find(
            NotificationStatus status, String type, String recipient, Long orderId, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page starts at 0 and size is 1 to 500");
        }
        var where = new StringBuilder(" WHERE 1 = 1");
        if (status != null) {
            where.append(" AND n.status = :status");
        }
        if (type != null) {
            where.append(" AND n.type = :type");
        }
        if (recipient != null) {
            where.append(" AND n.recipient = :recipient");
        }
        if (orderId != null) {
            where.append(" AND n.orderId = :orderId");
        }
        var items = bind(
                        replica.createQuery(
                                "SELECT n FROM Notification n" + where + " ORDER BY n.createdAt DESC, n.id DESC",
                                Notification.class),
                        status,
                        type,
                        recipient,
                        orderId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = bind(
                        replica.createQuery("SELECT COUNT(n) FROM Notification n" + where, Long.class),
                        status,
                        type,
                        recipient,
                        orderId)
                .getSingleResult();
        return new Page<>(items, page, size, total);
    }

    public Optional<Notification> byId(long id) {
        return Optional.ofNullable(replica.find(Notification.class, id));
    }

    private static <T> TypedQuery<T> bind(
            TypedQuery<T> query, NotificationStatus status, String type, String recipient, Long orderId) {
        if (status != null) {
            query.setParameter("status", status);
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        if (recipient != null) {
            query.setParameter("recipient", recipient);
        }
        if (orderId != null) {
            query.setParameter("orderId", orderId);
        }
        return query;
    }
}
