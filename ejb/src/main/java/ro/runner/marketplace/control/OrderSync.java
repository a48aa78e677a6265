package ro.runner.marketplace.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.util.List;
import ro.runner.marketplace.entity.Connection;
import ro.runner.marketplace.entity.EmagAnswer;
import ro.runner.runs.entity.Jsons;

/**
 * Reads an account's orders changed since its watermark (minus an overlap, so an order modified
 * while the last sync ran is not missed), every page of 100 until a short page, and upserts each
 * page. The caller moves the watermark only after the whole sync succeeded.
 */
@ApplicationScoped
public class OrderSync {

    static final int PAGE = 100;

    /** What one sync did. */
    public record Result(long pages, long read, long inserted, long updated, LocalDateTime newestModified) {
        public String summary() {
            return pages + " pages, " + read + " orders read, " + inserted + " new, " + updated + " updated";
        }
    }

    @Inject
    MarketplaceGateway gateway;

    @EJB
    OrderStore store;

    @Inject
    SyncProgress progress;

    public Result sync(Connection c, LocalDateTime watermark, int overlapMinutes) {
        JsonObjectBuilder filters = Jsons.JSON
                .createObjectBuilder()
                .add("type", c.type().orderType())
                .add("itemsPerPage", PAGE);
        if (watermark != null) {
            filters.add("modifiedAfter", OrderStore.EMAG_TIME.format(watermark.minusMinutes(overlapMinutes)));
        }
        JsonObject base = filters.build();
        long total =
                refuseErrors(c, gateway.call(c, "order/count", base.toString())).count();
        progress.start(c.account(), "orders", (total + PAGE - 1) / PAGE);
        try {
            long pages = 0;
            long read = 0;
            long inserted = 0;
            long updated = 0;
            LocalDateTime newest = null;
            for (int page = 1; ; page++) {
                JsonObject body = Jsons.JSON
                        .createObjectBuilder(base)
                        .add("currentPage", page)
                        .build();
                List<JsonObject> orders = refuseErrors(c, gateway.call(c, "order/read", body.toString()))
                        .items();
                OrderStore.Stored stored = store.upsert(c.account(), orders);
                pages++;
                read += orders.size();
                inserted += stored.inserted();
                updated += stored.updated();
                if (stored.newestModified() != null
                        && (newest == null || stored.newestModified().isAfter(newest))) {
                    newest = stored.newestModified();
                }
                progress.page(c.account(), "orders", orders.size());
                if (orders.size() < PAGE) {
                    return new Result(pages, read, inserted, updated, newest);
                }
            }
        } finally {
            progress.finish(c.account(), "orders");
        }
    }

    /** Reads one order (the callback) and stores it; false when eMAG does not know it. */
    public boolean fetch(Connection c, long orderId) {
        JsonObject body = Jsons.JSON
                .createObjectBuilder()
                .add("id", orderId)
                .add("type", c.type().orderType())
                .build();
        List<JsonObject> orders =
                refuseErrors(c, gateway.call(c, "order/read", body.toString())).items();
        store.upsert(c.account(), orders);
        return !orders.isEmpty();
    }

    private static EmagAnswer refuseErrors(Connection c, EmagAnswer answer) {
        if (answer.isError()) {
            throw new EmagRefused(c.account() + ": " + answer.describe());
        }
        return answer;
    }
}
