package ro.runner.imports.job;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One vehicle line after parsing; its components are the vehicles columns, in order. */
public record VehicleRow(
        @NotBlank @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}", message = "must be 17 characters, no I, O or Q") String vin,
        @NotBlank @Size(max = 100) String make,
        @NotBlank @Size(max = 200) String model,
        @Min(1900) @Max(2100) Integer year,
        @PositiveOrZero Integer mileage,
        @Size(max = 50) String fuel,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @Size(max = 200) String dealer) {}
