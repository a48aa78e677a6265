package ro.runner.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.runner.marketplace.api.MarketplaceApi.count;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ro.runner.it.Deployments;
import ro.runner.it.Json;
import ro.runner.it.Scripts;
import ro.runner.it.TestStack;

/**
 * The product sync survives a server restart in its middle: restarting the execution reads on from
 * the page after the last committed one (the simulator's request log shows which pages were read),
 * every offer ends up stored exactly once, and the execution is the same job instance.
 */
@ExtendWith(ArquillianExtension.class)
class ProductSyncRestartIT {

    private static final String ACCOUNT = "fbe";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aSyncInterruptedByARestartResumesFromItsCheckpointPage() throws Exception {
        MarketplaceApi.disableSchedules(
                "marketplace-order-sync",
                "marketplace-order-acknowledge",
                "marketplace-product-sync",
                "marketplace-offer-push");
        MarketplaceApi.account(ACCOUNT, "FBE", "runner-fbe", "fbe-secret");
        int offers = Simulator.ensureOffers(ACCOUNT, 5000);
        int pages = (offers + 99) / 100;
        int lastPageRead = offers % 100 == 0 ? pages + 1 : pages;
        MarketplaceApi.execute("DELETE FROM marketplace_offers WHERE account = '" + ACCOUNT + "'");
        Simulator.resetReport();

        long first = MarketplaceApi.startOfferJob(ACCOUNT, "sync");
        awaitStored(300);
        Scripts.run("payara/payara.sh", "restart");
        TestStack.awaitReady("/api/marketplace/status");

        long committed = count("SELECT count(*) FROM marketplace_offers WHERE account = '" + ACCOUNT + "'");
        int readBefore = pagesRead().size();
        assertThat(committed % 100).as("whole pages committed").isZero();
        int committedPages = (int) (committed / 100);
        assertThat(committedPages).as("interrupted in the middle").isBetween(3, pages - 1);
        JsonObject interrupted = MarketplaceApi.execution(first);
        assertThat(interrupted.getString("batchStatus")).isIn("FAILED", "STOPPED");

        var restart = MarketplaceApi.post("/api/batch/jobs/executions/" + first + "/restart", "{}");
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(201);
        JsonObject done = MarketplaceApi.awaitEnd(
                Json.object(restart.body()).getJsonNumber("executionId").longValue(), 300_000);

        assertThat(done.getString("batchStatus")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getJsonNumber("instanceId").longValue())
                .isEqualTo(interrupted.getJsonNumber("instanceId").longValue());
        assertThat(count("SELECT count(*) FROM marketplace_offers WHERE account = '" + ACCOUNT + "'"))
                .isEqualTo(offers);
        List<Integer> after = pagesRead().subList(readBefore, pagesRead().size());
        assertThat(after)
                .as("pages read after the restart: from the checkpoint on, each once")
                .containsExactlyElementsOf(IntStream.rangeClosed(committedPages + 1, lastPageRead)
                        .boxed()
                        .toList());
        assertThat(count("SELECT count(*) FROM runs WHERE kind = 'BATCH' AND name = 'marketplace-product-sync'"
                        + " AND status = 'SUCCEEDED' AND correlation = '"
                        + done.getJsonNumber("executionId").longValue() + "' AND summary LIKE '%" + offers
                        + " offers read%'"))
                .isEqualTo(1);
    }

    private static List<Integer> pagesRead() {
        return Simulator.requests(ACCOUNT).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("route").equals("product_offer/read"))
                .map(r -> r.getInt("page"))
                .toList();
    }

    private static void awaitStored(long atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT count(*) FROM marketplace_offers WHERE account = '" + ACCOUNT + "'") < atLeast) {
            assertThat(System.currentTimeMillis()).as("offers stored in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
