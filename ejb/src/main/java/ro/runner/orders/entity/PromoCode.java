package ro.runner.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A percentage off an order, valid in a window and for a number of uses. */
@Entity
@Table(name = "promo_codes")
public class PromoCode {

    @Id
    private String code;

    @Column(name = "percent_off")
    private int percentOff;

    @Column(name = "max_uses")
    private Integer maxUses;

    private int uses;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    private boolean active;

    protected PromoCode() {}

    /** Why the code cannot be used now, or null when it can. */
    public String refusal(Instant now) {
        if (!active) {
            return "promo code " + code + " is not active";
        }
        if (now.isBefore(validFrom) || (validUntil != null && !now.isBefore(validUntil))) {
            return "promo code " + code + " is not valid now";
        }
        if (maxUses != null && uses >= maxUses) {
            return "promo code " + code + " has been used up";
        }
        return null;
    }

    public void use() {
        uses++;
    }

    public String getCode() {
        return code;
    }

    public int getPercentOff() {
        return percentOff;
    }

    public int getUses() {
        return uses;
    }
}
