package ro.runner.marketplace.entity;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One pending price/stock change of an eMAG offer, as the push job reads it: either value may be
 * null (unchanged). Serializable because the batch runtime may hold it across a chunk.
 */
public record OfferChange(long id, String account, long offerId, BigDecimal salePrice, Integer stock)
        implements Serializable {}
