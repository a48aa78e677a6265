package ro.runner.data.entity;

/**
 * A PostgreSQL WAL position ({@code 16/B374D848}): the primary's after a write, a replica's replay
 * position. Comparable, so "has the replica replayed this user's last write?" is one comparison.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    public static Lsn parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int slash = text.indexOf('/');
        try {
            if (slash <= 0 || slash == text.length() - 1) {
                throw new NumberFormatException();
            }
            long high = Long.parseUnsignedLong(text.substring(0, slash).trim(), 16);
            long low = Long.parseUnsignedLong(text.substring(slash + 1).trim(), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL) {
                throw new NumberFormatException();
            }
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a WAL position looks like 16/B374D848, got '" + text + "'");
        }
    }

    public boolean after(Lsn other) {
        return other == null || compareTo(other) > 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/"
                + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
