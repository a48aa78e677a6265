package ro.runner.runs.entity;

/**
 * What a Runs page or {@code GET /api/runs} asks for. Blank fields do not filter; page is 0-based.
 */
public record RunFilter(RunKind kind, RunStatus status, String name, String tag, int page, int size) {

    public static final int MAX_SIZE = 200;

    public RunFilter {
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size is 1.." + MAX_SIZE + ", got " + size);
        }
        name = blankToNull(name);
        tag = blankToNull(tag) == null ? null : Tags.term(tag.trim());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
