package ro.runner.imports.job;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One product line after parsing; its components are the products columns, in order. */
public record ProductRow(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 500) String name,
        @Size(max = 200) String brand,
        @Size(max = 300) String category,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal salePrice,
        @PositiveOrZero Integer stock,
        @DecimalMin("0") @DecimalMax("100") BigDecimal vat,
        @Pattern(regexp = "\\d{8,14}", message = "must be 8 to 14 digits") String ean) {}
