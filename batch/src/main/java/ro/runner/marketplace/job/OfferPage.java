package ro.runner.marketplace.job;

import jakarta.json.JsonObject;
import java.util.List;

/** One page of offers as eMAG answered it: the item the product sync's reader hands its writer. */
record OfferPage(int page, List<JsonObject> offers) {}
