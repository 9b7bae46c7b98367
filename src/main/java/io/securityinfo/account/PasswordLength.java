package io.securityinfo.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password long enough to choose: at least {@value #MIN_CHARACTERS} characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8, the most BCrypt reads (the encoder refuses longer ones). A blank value is
 * left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = PasswordLength.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordLength {

	int MIN_CHARACTERS = 12;

	int MAX_BYTES = 72;

	String message() default "{password.too-short}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PasswordLength, String> {

		@Override
		public boolean isValid(String password, ConstraintValidatorContext context) {
			if (password == null || password.isBlank()) {
				return true;
			}
			if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
				return false;
			}
			if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{password.too-long}").addConstraintViolation();
				return false;
			}
			return true;
		}

	}

}
