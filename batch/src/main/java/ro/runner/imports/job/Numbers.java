package ro.runner.imports.job;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as suppliers write them: ',' or '.' as the decimal mark, the other one (or spaces) as a
 * thousands separator. With both marks the last one is decimal; one mark occurring several times
 * separates thousands. Whole-number fields also accept 1.500 / 1,500 as fifteen hundred.
 */
final class Numbers {

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})+");

    private Numbers() {}

    static BigDecimal decimal(String text) {
        String s = text.replace(" ", "").replace("\u00a0", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            s = s.replace(".", "");
        }
        return new BigDecimal(s);
    }

    static Integer whole(String text) {
        String s = text.replace(" ", "").replace("\u00a0", "");
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(".", "").replace(",", "");
        }
        return decimal(s).intValueExact();
    }
}
