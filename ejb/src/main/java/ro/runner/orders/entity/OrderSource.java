package ro.runner.orders.entity;

/** Where an order came from: the shop's own checkout or a marketplace account. */
public enum OrderSource {
    CHECKOUT,
    MARKETPLACE
}
