package ro.runner.simulator;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator's whole state: accounts with their orders and offers, the generator of new orders
 * and the callbacks eMAG repeats for new orders until they are acknowledged. In memory only.
 */
@ApplicationScoped
public class Marketplace {

    static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    private static final Logger LOG = Logger.getLogger(Marketplace.class.getName());
    private static final int MAX_CALLBACKS = 10;

    /** One account's data; orders and offers sorted by id so pages are stable while orders arrive. */
    public record Shop(
            Account account,
            ConcurrentSkipListMap<Long, SimOrder> orders,
            ConcurrentSkipListMap<Long, JsonObject> offers) {}

    @Inject
    Report report;

    private final Map<String, Shop> shops = new ConcurrentHashMap<>();
    private final AtomicLong orderIds = new AtomicLong(400_000_000L);
    private final AtomicLong offerIds = new AtomicLong();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Settings settings;
    private OrderFactory factory;
    private ScheduledExecutorService timer;
    private volatile double ordersPerMinute;
    private volatile String callbackUrl;
    private final Map<String, Double> owed = new ConcurrentHashMap<>();

    @PostConstruct
    void seed() {
        settings = Settings.load();
        factory = new OrderFactory(settings.randomSeed());
        ordersPerMinute = settings.ordersPerMinute();
        callbackUrl = settings.callbackUrl();
        long offerId = 1000;
        for (Account account : settings.accounts()) {
            Shop shop = new Shop(account, new ConcurrentSkipListMap<>(), new ConcurrentSkipListMap<>());
            shops.put(account.name(), shop);
            for (int i = 0; i < settings.seedOffers(); i++, offerId++) {
                shop.offers().put(offerId, factory.offer(offerId));
            }
            LocalDateTime now = now();
            for (int i = 0; i < settings.seedOrders(); i++) {
                SimOrder order = newOrder(shop, now.minusMinutes((long) (settings.seedOrders() - i) * 7));
                order.silence();
                if (i % 5 == 4) {
                    order.force(OrderStatus.of(i % 3 == 0 ? 4 : i % 3 == 1 ? 0 : 3), order.created());
                }
            }
        }
        offerIds.set(offerId);
        timer = Executors.newScheduledThreadPool(2);
        timer.scheduleAtFixedRate(this::generate, 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::callBack, 5, settings.callbackSeconds(), TimeUnit.SECONDS);
        LOG.info(() -> "eMAG simulator ready: accounts " + shops.keySet() + ", " + settings.seedOrders()
                + " orders and " + settings.seedOffers() + " offers each, " + ordersPerMinute + " new orders/min");
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        // touching the bean creates it, so the generator runs from deployment on
        shops.size();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    public Settings settings() {
        return settings;
    }

    public Optional<Shop> shopOfUser(String user) {
        return shops.values().stream()
                .filter(s -> s.account().user().equals(user))
                .findFirst();
    }

    public Optional<Shop> shop(String name) {
        return Optional.ofNullable(shops.get(name));
    }

    public List<SimOrder> addOrders(String account, int count) {
        Shop shop = shop(account).orElseThrow(() -> new IllegalArgumentException("no account " + account));
        List<SimOrder> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(newOrder(shop, now()));
        }
        return added;
    }

    /** Adds {@code count} offers with new ids to an account (ids are unique over all accounts). */
    public List<Long> addOffers(String account, int count) {
        Shop shop = shop(account).orElseThrow(() -> new IllegalArgumentException("no account " + account));
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = offerIds.getAndIncrement();
            shop.offers().put(id, factory.offer(id));
            added.add(id);
        }
        return added;
    }

    public double ordersPerMinute() {
        return ordersPerMinute;
    }

    public void ordersPerMinute(double rate) {
        ordersPerMinute = rate;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public void callbackUrl(String url) {
        callbackUrl = url == null ? "" : url;
    }

    private SimOrder newOrder(Shop shop, LocalDateTime created) {
        long id = orderIds.incrementAndGet();
        List<JsonObject> offers = new ArrayList<>(shop.offers().values());
        SimOrder order =
                new SimOrder(id, shop.account().type().orderType(), created, factory.details(id, created, offers));
        shop.orders().put(id, order);
        report.count(shop.account().name(), "ordersCreated");
        return order;
    }

    private void generate() {
        try {
            for (Shop shop : shops.values()) {
                double due = owed.merge(shop.account().name(), ordersPerMinute / 60.0, Double::sum);
                int whole = (int) due;
                if (whole > 0) {
                    owed.put(shop.account().name(), due - whole);
                    addOrders(shop.account().name(), whole);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order generator failed", e);
        }
    }

    private void callBack() {
        String template = callbackUrl;
        if (template == null || template.isBlank()) {
            return;
        }
        for (Shop shop : shops.values()) {
            for (SimOrder order : shop.orders().values()) {
                int limit = order.readOnly() ? 1 : MAX_CALLBACKS;
                if (order.wantsCallback(limit)) {
                    String url = template.replace("{account}", shop.account().name())
                            + (template.contains("?") ? "&" : "?") + "order_id=" + order.id();
                    http.sendAsync(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(10))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> report.count(
                                    shop.account().name(),
                                    e == null && r.statusCode() < 300 ? "callbacks" : "callbacksFailed"));
                }
            }
        }
    }
}
