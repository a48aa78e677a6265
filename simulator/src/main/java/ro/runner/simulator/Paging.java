package ro.runner.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** eMAG paging: {@code currentPage} from 1, {@code itemsPerPage} silently clamped to 1..100. */
record Paging(int page, int size) {

    static final int MAX = 100;

    static Paging of(JsonObject filters) {
        Long page = RequestBody.longValue(filters, "currentPage");
        Long size = RequestBody.longValue(filters, "itemsPerPage");
        return new Paging(
                page == null || page < 1 ? 1 : page.intValue(),
                size == null ? MAX : (int) Math.max(1, Math.min(MAX, size)));
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** The count envelope's results, string values as eMAG sends them. */
    JsonObject count(int items) {
        return Json.createObjectBuilder()
                .add("noOfItems", String.valueOf(items))
                .add("noOfPages", String.valueOf((items + size - 1) / size))
                .add("itemsPerPage", String.valueOf(size))
                .build();
    }
}
