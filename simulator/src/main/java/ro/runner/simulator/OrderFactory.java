package ro.runner.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * Makes orders that look like eMAG's: Romanian customers, cities and streets with their diacritics,
 * lines pointing at the account's offers, money as strings without VAT.
 */
class OrderFactory {

    private static final List<String> FIRST = List.of(
            "Ana",
            "Ioana",
            "Maria",
            "Elena",
            "Andreea",
            "Ștefania",
            "Mihaela",
            "Bianca",
            "Irina",
            "Raluca",
            "Ion",
            "Andrei",
            "Mihai",
            "Ștefan",
            "Alexandru",
            "Bogdan",
            "Răzvan",
            "Tudor",
            "Cătălin",
            "Florin");
    private static final List<String> LAST = List.of(
            "Popescu",
            "Ionescu",
            "Popa",
            "Dumitrescu",
            "Stoica",
            "Munteanu",
            "Constantinescu",
            "Căpraru",
            "Țurcanu",
            "Mărgineanu",
            "Șerban",
            "Dobre",
            "Bărbulescu",
            "Niță",
            "Stănescu",
            "Georgescu",
            "Lăzărescu");
    private static final List<String[]> CITIES = List.of(
            new String[] {"București", "Sector 3"},
            new String[] {"Cluj-Napoca", "Cluj"},
            new String[] {"Timișoara", "Timiș"},
            new String[] {"Iași", "Iași"},
            new String[] {"Constanța", "Constanța"},
            new String[] {"Brașov", "Brașov"},
            new String[] {"Craiova", "Dolj"},
            new String[] {"Galați", "Galați"},
            new String[] {"Ploiești", "Prahova"},
            new String[] {"Târgu Mureș", "Mureș"},
            new String[] {"Pitești", "Argeș"},
            new String[] {"Sibiu", "Sibiu"},
            new String[] {"Bacău", "Bacău"},
            new String[] {"Suceava", "Suceava"},
            new String[] {"Râmnicu Vâlcea", "Vâlcea"});
    private static final List<String> STREETS = List.of(
            "Strada Mihai Eminescu",
            "Bulevardul Ștefan cel Mare",
            "Strada Avram Iancu",
            "Calea Victoriei",
            "Strada Ion Creangă",
            "Aleea Trandafirilor",
            "Strada Mărășești",
            "Bulevardul Unirii",
            "Strada Lăpușneanu");

    private final Random random;

    OrderFactory(long seed) {
        this.random = new Random(seed);
    }

    synchronized JsonObject details(long orderId, LocalDateTime created, List<JsonObject> offers) {
        String name = pick(FIRST) + " " + pick(LAST);
        String[] city = CITIES.get(random.nextInt(CITIES.size()));
        String street = pick(STREETS) + " nr. " + (1 + random.nextInt(120));
        String postal = String.format("%06d", 10000 + random.nextInt(900000));
        int payment = 1 + random.nextInt(3);
        JsonArrayBuilder products = Json.createArrayBuilder();
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines && !offers.isEmpty(); i++) {
            JsonObject offer = offers.get(random.nextInt(offers.size()));
            products.add(Json.createObjectBuilder()
                    .add("id", orderId * 10 + i)
                    .add("product_id", offer.getJsonNumber("id").longValue())
                    .add("part_number", offer.getString("part_number"))
                    .add("part_number_key", offer.getString("part_number_key"))
                    .add("name", offer.getString("name"))
                    .add("quantity", 1 + random.nextInt(3))
                    .add("sale_price", RequestBody.decimal(offer, "sale_price").toPlainString())
                    .add("vat", "0.1900")
                    .add("currency", "RON")
                    .add("status", 1));
        }
        return Json.createObjectBuilder()
                .add("is_complete", 1)
                .add("payment_mode", payment == 1 ? "RAMBURS" : payment == 2 ? "TRANSFER BANCAR" : "CARD ONLINE")
                .add("payment_mode_id", payment)
                .add("payment_status", payment == 1 ? 0 : 1)
                .add("delivery_mode", random.nextInt(4) == 0 ? "pickup" : "courier")
                .add("currency", "RON")
                .add("shipping_tax", money(0, 20))
                .add("cashed_cod", 0)
                .add("observation", random.nextInt(5) == 0 ? "Vă rog sunați înainte de livrare." : "")
                .add("maximum_date_for_shipment", SimOrder.DATE.format(created.plusDays(2)))
                .add(
                        "customer",
                        Json.createObjectBuilder()
                                .add("id", 500000 + orderId)
                                .add("name", name)
                                .add("email", Integer.toHexString(name.hashCode()) + Long.toHexString(orderId))
                                .add("phone_1", "07" + (10000000 + random.nextInt(89999999)))
                                .add("company", "")
                                .add("legal_entity", 0)
                                .add("billing_name", name)
                                .add("billing_city", city[0])
                                .add("billing_suburb", city[1])
                                .add("billing_street", street)
                                .add("billing_postal_code", postal)
                                .add("billing_country", "RO")
                                .add("billing_locality_id", 8000 + random.nextInt(2000))
                                .add("shipping_contact", name)
                                .add("shipping_city", city[0])
                                .add("shipping_suburb", city[1])
                                .add("shipping_street", street)
                                .add("shipping_postal_code", postal)
                                .add("shipping_country", "RO")
                                .add("shipping_locality_id", 8000 + random.nextInt(2000))
                                .add("created", SimOrder.DATE.format(created))
                                .add("modified", SimOrder.DATE.format(created)))
                .add("products", products)
                .add("vouchers", Json.createArrayBuilder())
                .add("attachments", Json.createArrayBuilder())
                .add("details", Json.createObjectBuilder().add("locker_id", ""))
                .add("flags", Json.createArrayBuilder())
                .build();
    }

    synchronized JsonObject offer(long id) {
        BigDecimal price = new BigDecimal(money(20, 2000));
        String pn = "RUN-" + id;
        return Json.createObjectBuilder()
                .add("id", id)
                .add("part_number", pn)
                .add("part_number_key", "D" + Long.toString(id * 7919, 36).toUpperCase())
                .add("name", "Produs de test " + id + " – ediția " + pick(List.of("clasică", "ușoară", "țesută")))
                .add("brand", pick(List.of("Arctic", "Dacia", "Gerovital", "Bucovina", "Carpați")))
                .add("category_id", 100 + id % 10)
                .add("status", 1)
                .add("sale_price", price.toPlainString())
                .add(
                        "min_sale_price",
                        price.multiply(new BigDecimal("0.5"))
                                .setScale(4, RoundingMode.HALF_UP)
                                .toPlainString())
                .add(
                        "max_sale_price",
                        price.multiply(new BigDecimal("2"))
                                .setScale(4, RoundingMode.HALF_UP)
                                .toPlainString())
                .add("recommended_price", price.toPlainString())
                .add("currency", "RON")
                .add("vat_id", 1)
                .add(
                        "stock",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("warehouse_id", 1)
                                        .add("value", 10)))
                .add("general_stock", 10)
                .add(
                        "handling_time",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("warehouse_id", 1)
                                        .add("value", 1)))
                .add(
                        "offer_validation_status",
                        Json.createObjectBuilder().add("value", 1).add("description", "Valid"))
                .add("validation_status", Json.createArrayBuilder())
                .add("ean", Json.createArrayBuilder().add("594" + String.format("%010d", id)))
                .add("images", Json.createArrayBuilder())
                .add("characteristics", Json.createArrayBuilder())
                .build();
    }

    private String money(int min, int max) {
        return BigDecimal.valueOf(min * 10000L + random.nextInt((max - min) * 10000), 4)
                .toPlainString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
