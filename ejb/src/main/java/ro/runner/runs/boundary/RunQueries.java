package ro.runner.runs.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import ro.runner.data.control.Reads;
import ro.runner.runs.entity.Page;
import ro.runner.runs.entity.Run;
import ro.runner.runs.entity.RunFilter;

/**
 * Reads of the ledger for the console and the API, through {@link Reads}: to a replica when it has
 * what the reader wrote, so the primary keeps its capacity for the writes. SUPPORTS: called inside a
 * writing transaction, the read joins it on the primary.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RunQueries {

    private static final String WHERE = " WHERE (:kind IS NULL OR r.kind = :kind)"
            + " AND (:status IS NULL OR r.status = :status)"
            + " AND (:name IS NULL OR LOWER(r.name) LIKE :name)"
            + " AND (:tag IS NULL OR CONCAT(' ', r.tags, ' ') LIKE :tag)";

    @Inject
    Reads reads;

    public Page<Run> find(RunFilter filter) {
        return reads.read(em -> {
            var items = bind(
                            em.createQuery(
                                    "SELECT r FROM Run r" + WHERE + " ORDER BY r.startedAt DESC, r.id DESC", Run.class),
                            filter)
                    .setFirstResult(filter.page() * filter.size())
                    .setMaxResults(filter.size())
                    .getResultList();
            long total = bind(em.createQuery("SELECT COUNT(r) FROM Run r" + WHERE, Long.class), filter)
                    .getSingleResult();
            return new Page<>(items, filter.page(), filter.size(), total);
        });
    }

    public Optional<Run> byId(long id) {
        return reads.read(em -> Optional.ofNullable(em.find(Run.class, id)));
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, RunFilter filter) {
        return query.setParameter("kind", filter.kind())
                .setParameter("status", filter.status())
                .setParameter(
                        "name",
                        filter.name() == null ? null : "%" + filter.name().toLowerCase() + "%")
                .setParameter("tag", filter.tag() == null ? null : "% " + filter.tag() + " %");
    }
}
