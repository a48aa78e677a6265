package ro.runner.runs.entity;

import java.util.List;

/** One page of a list, with what a client needs to page on. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public long pages() {
        return (total + size - 1) / size;
    }
}
