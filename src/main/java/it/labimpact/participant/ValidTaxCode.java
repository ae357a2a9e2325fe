package it.labimpact.participant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid codice fiscale or provisional code ({@link TaxCode}); blank passes (the code is optional). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTaxCode.Validator.class)
public @interface ValidTaxCode {

    String message() default "{participant.taxCode.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names the problem: the shape of the code, or its check character. */
    class Validator implements ConstraintValidator<ValidTaxCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TaxCode.problem(value).map(problem -> {
                if (problem == TaxCode.Problem.CHECK_CHARACTER) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("{participant.taxCode.check}")
                            .addConstraintViolation();
                }
                return false;
            }).orElse(true);
        }
    }
}
