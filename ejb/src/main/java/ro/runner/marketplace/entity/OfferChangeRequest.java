package ro.runner.marketplace.entity;

import java.math.BigDecimal;

/**
 * A change asked for over the API or the console: the offer by eMAG offer id or by the seller's
 * code (sku = eMAG part_number), and a new price (without VAT), a new stock, or both.
 */
public record OfferChangeRequest(Long offerId, String sku, BigDecimal price, Integer stock) {}
