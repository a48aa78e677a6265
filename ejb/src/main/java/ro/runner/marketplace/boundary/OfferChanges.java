package ro.runner.marketplace.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import ro.runner.marketplace.entity.InvalidOfferChanges;
import ro.runner.marketplace.entity.OfferChangeRequest;
import ro.runner.marketplace.entity.OfferPushStatus;

/**
 * Price/stock changes asked for by an operator (API or console): all validated first — offer known
 * from the last product sync, a price above zero with at most 4 decimals, a whole stock from 0 — and
 * written in one transaction only when every one is valid, so a bad list writes nothing.
 */
@Stateless
public class OfferChanges {

    public static final int MAX_CHANGES = 10_000;
    private static final BigDecimal MAX_PRICE = new BigDecimal("100000000");

    @EJB
    MarketplaceAccounts accounts;

    @Resource(lookup = "java:app/jdbc/primary")
    DataSource primary;

    /** Queues the changes for the next push; answers how many were queued. */
    public int request(String account, List<OfferChangeRequest> changes) throws SQLException {
        accounts.connection(account);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidOfferChanges(List.of("send a non-empty JSON array of {offerId or sku, price, stock}"));
        }
        if (changes.size() > MAX_CHANGES) {
            throw new InvalidOfferChanges(
                    List.of("at most " + MAX_CHANGES + " changes a request, got " + changes.size()));
        }
        var problems = new ArrayList<String>();
        for (int i = 0; i < changes.size(); i++) {
            validate(i, changes.get(i), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidOfferChanges(problems);
        }
        try (var c = primary.getConnection()) {
            Map<Long, Long> byId = new HashMap<>();
            Map<String, Long> bySku = new HashMap<>();
            try (var s = c.prepareStatement("SELECT offer_id, part_number FROM marketplace_offers WHERE account = ?"
                    + " AND (offer_id = ANY (?) OR part_number = ANY (?))")) {
                s.setString(1, account);
                s.setArray(
                        2,
                        c.createArrayOf(
                                "bigint",
                                changes.stream()
                                        .map(OfferChangeRequest::offerId)
                                        .filter(java.util.Objects::nonNull)
                                        .toArray()));
                s.setArray(
                        3,
                        c.createArrayOf(
                                "varchar",
                                changes.stream()
                                        .map(OfferChangeRequest::sku)
                                        .filter(java.util.Objects::nonNull)
                                        .toArray()));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        byId.put(rs.getLong(1), rs.getLong(1));
                        if (rs.getString(2) != null) {
                            bySku.put(rs.getString(2), rs.getLong(1));
                        }
                    }
                }
            }
            List<Long> offers = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                OfferChangeRequest change = changes.get(i);
                Long offer = change.offerId() != null ? byId.get(change.offerId()) : bySku.get(change.sku());
                if (offer == null) {
                    problems.add("item " + i + ": "
                            + (change.offerId() != null ? "offer " + change.offerId() : "sku '" + change.sku() + "'")
                            + " is not among " + account + "'s offers (run the product sync first)");
                }
                offers.add(offer);
            }
            if (!problems.isEmpty()) {
                throw new InvalidOfferChanges(problems);
            }
            try (var s =
                    c.prepareStatement("INSERT INTO marketplace_offer_changes (account, offer_id, sale_price, stock,"
                            + " source) VALUES (?, ?, ?, ?, 'API')")) {
                for (int i = 0; i < changes.size(); i++) {
                    s.setString(1, account);
                    s.setLong(2, offers.get(i));
                    s.setBigDecimal(3, changes.get(i).price());
                    s.setObject(4, changes.get(i).stock(), Types.INTEGER);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return changes.size();
    }

    /** Every account's push status: pending and refused changes, offers stored, the last push run. */
    public List<OfferPushStatus> status() throws SQLException {
        var result = new ArrayList<OfferPushStatus>();
        try (var c = primary.getConnection();
                var s = c.prepareStatement(
                        """
                        SELECT a.name,
                               (SELECT count(*) FROM marketplace_offer_changes m
                                 WHERE m.account = a.name AND m.pushed_at IS NULL AND m.error IS NULL),
                               (SELECT count(*) FROM marketplace_offer_changes m
                                 WHERE m.account = a.name AND m.error IS NOT NULL),
                               (SELECT count(*) FROM marketplace_offers o WHERE o.account = a.name),
                               r.started_at, r.status, coalesce(r.error, r.summary),
                               (SELECT string_agg('offer ' || e.offer_id || ': ' || e.error, E'\\n' ORDER BY e.id DESC)
                                  FROM (SELECT * FROM marketplace_offer_changes m WHERE m.account = a.name
                                          AND m.error IS NOT NULL ORDER BY m.id DESC LIMIT 5) e)
                          FROM marketplace_accounts a
                          LEFT JOIN LATERAL (SELECT * FROM runs WHERE kind = 'BATCH' AND name = ?
                                               AND tags ~ ('(^| )account=' || a.name || '( |$)')
                                             ORDER BY started_at DESC LIMIT 1) r ON true
                         ORDER BY a.name
                        """)) {
            s.setString(1, MarketplaceOffers.OFFER_PUSH);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(5);
                    String errors = rs.getString(8);
                    result.add(new OfferPushStatus(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            last == null ? null : last.toInstant(),
                            rs.getString(6),
                            rs.getString(7),
                            errors == null ? List.of() : List.of(errors.split("\n"))));
                }
            }
        }
        return result;
    }

    private static void validate(int i, OfferChangeRequest change, List<String> problems) {
        if (change == null) {
            problems.add("item " + i + ": null");
            return;
        }
        boolean hasId = change.offerId() != null;
        boolean hasSku = change.sku() != null && !change.sku().isBlank();
        if (hasId == hasSku) {
            problems.add("item " + i + ": give exactly one of offerId and sku");
        }
        if (hasId && change.offerId() <= 0) {
            problems.add("item " + i + ": offerId must be positive");
        }
        if (change.price() == null && change.stock() == null) {
            problems.add("item " + i + ": give a price, a stock or both");
        }
        BigDecimal price = change.price();
        if (price != null
                && (price.signum() <= 0
                        || price.compareTo(MAX_PRICE) >= 0
                        || price.stripTrailingZeros().scale() > 4)) {
            problems.add("item " + i + ": price must be above 0, below 100000000, with at most 4 decimals; got "
                    + price.toPlainString());
        }
        if (change.stock() != null && (change.stock() < 0 || change.stock() > 1_000_000)) {
            problems.add("item " + i + ": stock must be a whole number from 0 to 1000000; got " + change.stock());
        }
    }
}
