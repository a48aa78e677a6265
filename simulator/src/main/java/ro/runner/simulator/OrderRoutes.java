package ro.runner.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** order/read, order/count, order/save and order/acknowledge/{id} of one account. */
@ApplicationScoped
public class OrderRoutes {

    @Inject
    Report report;

    public JsonObject read(Marketplace.Shop shop, RequestBody body) {
        Paging paging = Paging.of(body.filters());
        JsonArrayBuilder results = Json.createArrayBuilder();
        paging.slice(matching(shop, body.filters())).forEach(o -> results.add(o.toJson()));
        return Envelope.ok(results.build());
    }

    public JsonObject count(Marketplace.Shop shop, RequestBody body) {
        return Envelope.ok(
                Paging.of(body.filters()).count(matching(shop, body.filters()).size()));
    }

    public JsonObject save(Marketplace.Shop shop, RequestBody body) {
        List<String> errors = new ArrayList<>();
        for (JsonObject item : body.items()) {
            Long id = RequestBody.longValue(item, "id");
            Long status = RequestBody.longValue(item, "status");
            SimOrder order = id == null ? null : shop.orders().get(id);
            if (order == null || status == null) {
                errors.add("Order " + id + " does not exist or has no status.");
                continue;
            }
            try {
                order.save(OrderStatus.of(status.intValue()), Marketplace.now());
            } catch (IllegalStateException | IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return errors.isEmpty() ? Envelope.ok(Json.createArrayBuilder().build()) : Envelope.error(errors);
    }

    public JsonObject acknowledge(Marketplace.Shop shop, long id) {
        SimOrder order = shop.orders().get(id);
        if (order == null) {
            return Envelope.error("Order " + id + " does not exist.");
        }
        String account = shop.account().name();
        return switch (order.acknowledge(Marketplace.now())) {
            case ACKNOWLEDGED -> {
                report.count(account, "acknowledgements");
                yield Envelope.ok(Json.createArrayBuilder().build());
            }
            case DUPLICATE -> {
                report.count(account, "duplicateAcknowledgements");
                yield Envelope.ok(Json.createArrayBuilder().build());
            }
            case READ_ONLY -> {
                report.count(account, "fbeAcknowledgements");
                yield Envelope.error("Order " + id + " is fulfilled by eMAG and is read-only.");
            }
            case NOT_NEW -> Envelope.error("Order " + id + " is not new.");
        };
    }

    private List<SimOrder> matching(Marketplace.Shop shop, JsonObject f) {
        Predicate<SimOrder> p = o -> true;
        Set<Long> ids = numbers(f.get("id"));
        if (!ids.isEmpty()) {
            p = p.and(o -> ids.contains(o.id()));
        }
        Set<Long> statuses = numbers(f.get("status"));
        if (!statuses.isEmpty()) {
            p = p.and(o -> statuses.contains((long) o.status().code));
        }
        Long type = RequestBody.longValue(f, "type");
        int wanted = type == null ? 3 : type.intValue();
        p = p.and(o -> o.type() == wanted);
        Long payment = RequestBody.longValue(f, "payment_mode_id");
        if (payment != null) {
            p = p.and(o -> o.toJson().getInt("payment_mode_id") == payment);
        }
        LocalDateTime createdAfter = date(f, "createdAfter");
        LocalDateTime createdBefore = date(f, "createdBefore");
        LocalDateTime modifiedAfter = date(f, "modifiedAfter");
        LocalDateTime modifiedBefore = date(f, "modifiedBefore");
        window(createdAfter, createdBefore);
        window(modifiedAfter, modifiedBefore);
        if (createdAfter != null) {
            p = p.and(o -> !o.created().isBefore(createdAfter));
        }
        if (createdBefore != null) {
            p = p.and(o -> !o.created().isAfter(createdBefore));
        }
        if (modifiedAfter != null) {
            p = p.and(o -> !o.modified().isBefore(modifiedAfter));
        }
        if (modifiedBefore != null) {
            p = p.and(o -> !o.modified().isAfter(modifiedBefore));
        }
        return shop.orders().values().stream().filter(p).toList();
    }

    private static void window(LocalDateTime from, LocalDateTime to) {
        if (from != null && to != null && Duration.between(from, to).toDays() > 31) {
            throw new IllegalArgumentException("The date interval must be at most one month.");
        }
    }

    private static LocalDateTime date(JsonObject f, String key) {
        if (!(f.get(key) instanceof JsonString s) || s.getString().isBlank()) {
            return null;
        }
        String text = s.getString().trim();
        return LocalDateTime.parse(text.length() == 10 ? text + " 00:00:00" : text, SimOrder.DATE);
    }

    private static Set<Long> numbers(JsonValue v) {
        Set<Long> result = new HashSet<>();
        if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                result.addAll(numbers(a.get(i)));
            }
        } else if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
            String text = v.toString().replace("\"", "").trim();
            if (!text.isEmpty()) {
                result.add(Long.parseLong(text));
            }
        }
        return result;
    }
}
