package ro.runner.marketplace.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import ro.runner.marketplace.entity.OfferChange;

/**
 * The offers table and the queue of price/stock changes, in the caller's transaction (a batch
 * chunk's): a page of offers is one upsert keyed by (account, offer id); a pushed change is marked
 * in the same transaction that records the push, so a restarted push never sends it again.
 */
@Stateless
public class OfferStore {

    /** What one page did. */
    public record Stored(int inserted, int updated) {}

    private static final String UPSERT =
            """
            INSERT INTO marketplace_offers AS o (account, offer_id, part_number, name, status, sale_price,
                   min_sale_price, max_sale_price, vat_id, general_stock, payload, synced_at)
            SELECT ?, (j->>'id')::bigint, j->>'part_number', left(j->>'name', 500), (j->>'status')::smallint,
                   NULLIF(j->>'sale_price', '')::numeric, NULLIF(j->>'min_sale_price', '')::numeric,
                   NULLIF(j->>'max_sale_price', '')::numeric, (j->>'vat_id')::integer,
                   (j->>'general_stock')::integer, j, now()
              FROM jsonb_array_elements(CAST(? AS jsonb)) AS j
            ON CONFLICT (account, offer_id) DO UPDATE
              SET part_number = EXCLUDED.part_number, name = EXCLUDED.name, status = EXCLUDED.status,
                  sale_price = EXCLUDED.sale_price, min_sale_price = EXCLUDED.min_sale_price,
                  max_sale_price = EXCLUDED.max_sale_price, vat_id = EXCLUDED.vat_id,
                  general_stock = EXCLUDED.general_stock, payload = EXCLUDED.payload, synced_at = now()
            RETURNING (xmax = 0)
            """;

    private static final String PENDING =
            """
            SELECT id, offer_id, sale_price, stock FROM marketplace_offer_changes
             WHERE account = ? AND pushed_at IS NULL AND error IS NULL AND id > ?
             ORDER BY id LIMIT ?
            """;

    private static final String COLLECT =
            """
            INSERT INTO marketplace_offer_changes (account, offer_id, sale_price, stock, source, catalog_change_id)
            SELECT o.account, o.offer_id, coalesce(c.new_sale_price, c.new_price), c.new_stock, 'CATALOG', c.id
              FROM catalog_changes c JOIN marketplace_offers o ON o.part_number = c.key AND o.account = ?
             WHERE c.pushed_at IS NULL AND c.target = 'PRODUCTS'
               AND (coalesce(c.new_sale_price, c.new_price) IS NOT NULL OR c.new_stock IS NOT NULL)
               AND coalesce(c.new_stock, 0) >= 0
            ON CONFLICT (account, catalog_change_id) DO NOTHING
            """;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    public Stored upsert(String account, List<JsonObject> offers) {
        int inserted = 0;
        int updated = 0;
        var array = ro.runner.runs.entity.Jsons.JSON.createArrayBuilder();
        offers.forEach(array::add);
        try (var c = primary.getConnection();
                var s = c.prepareStatement(UPSERT)) {
            s.setString(1, account);
            s.setString(2, array.build().toString());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing offers of " + account + " failed: " + e.getMessage(), e);
        }
        return new Stored(inserted, updated);
    }

    /** Pending changes after {@code afterId}, oldest first. */
    public List<OfferChange> pending(String account, long afterId, int limit) {
        var result = new ArrayList<OfferChange>();
        try (var c = primary.getConnection();
                var s = c.prepareStatement(PENDING)) {
            s.setString(1, account);
            s.setLong(2, afterId);
            s.setInt(3, limit);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    int value = rs.getInt(4);
                    Integer stock = rs.wasNull() ? null : value;
                    result.add(new OfferChange(rs.getLong(1), account, rs.getLong(2), rs.getBigDecimal(3), stock));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return result;
    }

    /** Copies the catalogue's unpushed price/stock changes of offers this account sells; answers how many. */
    public int collectCatalogChanges(String account) {
        try (var c = primary.getConnection();
                var s = c.prepareStatement(COLLECT)) {
            s.setString(1, account);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The offers' current rows (payload and price bounds) that a save needs, by offer id. */
    public Map<Long, JsonObject> payloads(String account, List<Long> offerIds) {
        var result = new java.util.HashMap<Long, JsonObject>();
        try (var c = primary.getConnection();
                var s = c.prepareStatement(
                        "SELECT offer_id, payload::text FROM marketplace_offers WHERE account = ? AND offer_id = ANY (?)")) {
            s.setString(1, account);
            s.setArray(2, c.createArrayOf("bigint", offerIds.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    try (var reader =
                            ro.runner.runs.entity.Jsons.JSON.createReader(new java.io.StringReader(rs.getString(2)))) {
                        result.put(rs.getLong(1), reader.readObject());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return result;
    }

    /**
     * Marks changes pushed by one execution ({@code ids}: every change the save carried, merged ones
     * included), stores what was sent as the offers' current state, then marks the catalogue changes
     * whose every copy is pushed.
     */
    public void pushed(String account, List<Long> ids, List<JsonObject> sent, long execution) {
        try (var c = primary.getConnection()) {
            try (var s = c.prepareStatement(
                    "UPDATE marketplace_offer_changes SET pushed_at = now(), push_execution = ? WHERE id = ANY (?)")) {
                s.setLong(1, execution);
                s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                s.executeUpdate();
            }
            try (var s = c.prepareStatement(
                    """
                    UPDATE marketplace_offers AS o SET payload = o.payload || i.item,
                           sale_price = NULLIF(i.item->>'sale_price', '')::numeric,
                           general_stock = coalesce((SELECT sum((w->>'value')::integer)
                                                       FROM jsonb_array_elements(i.item->'stock') w), o.general_stock)
                      FROM (SELECT j - 'id' AS item, (j->>'id')::bigint AS offer_id
                              FROM jsonb_array_elements(CAST(? AS jsonb)) j) i
                     WHERE o.account = ? AND o.offer_id = i.offer_id
                    """)) {
                var array = ro.runner.runs.entity.Jsons.JSON.createArrayBuilder();
                sent.forEach(array::add);
                s.setString(1, array.build().toString());
                s.setString(2, account);
                s.executeUpdate();
            }
            markCatalogue(c, ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Records eMAG's refusal of one offer's changes; they stay out of later pushes. */
    public void refused(List<Long> ids, String error, long execution) {
        try (var c = primary.getConnection();
                var s = c.prepareStatement(
                        "UPDATE marketplace_offer_changes SET error = ?, push_execution = ? WHERE id = ANY (?)")) {
            s.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            s.setLong(2, execution);
            s.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public List<Long> lockStillPending(String account, List<Long> ids) {
        var result = new ArrayList<Long>();
        try (var c = primary.getConnection()) {
            try (var s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('marketplace-offer-push:' || ?))")) {
                s.setString(1, account);
                s.executeQuery().close();
            }
            try (var s = c.prepareStatement("SELECT id FROM marketplace_offer_changes WHERE id = ANY (?)"
                    + " AND pushed_at IS NULL AND error IS NULL FOR UPDATE")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return result;
    }

    public long pendingCount(String account) {
        return count(
                "SELECT count(*) FROM marketplace_offer_changes WHERE account = ? AND pushed_at IS NULL AND error IS NULL",
                account);
    }

    private void markCatalogue(Connection c, List<Long> ids) throws SQLException {
        try (var s = c.prepareStatement(
                """
                UPDATE catalog_changes cc SET pushed_at = now()
                 WHERE cc.pushed_at IS NULL AND cc.id IN (SELECT catalog_change_id FROM marketplace_offer_changes
                                                          WHERE id = ANY (?) AND catalog_change_id IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM marketplace_offer_changes m
                                    WHERE m.catalog_change_id = cc.id AND m.pushed_at IS NULL)
                """)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        }
    }

    private long count(String sql, String account) {
        try (var c = primary.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setString(1, account);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
