package io.securityinfo.policy;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The initial policy: in force until an administrator saves another on the admin pages, which then lives in the
 * database.
 */
@Validated
@ConfigurationProperties("app.policy")
public record PolicyDefaults(@Valid @NotNull @DefaultValue Phone phone,
		@Valid @NotNull @DefaultValue Registration registration, @Valid @NotNull @DefaultValue TwoStep twoStep,
		@Valid @NotNull @DefaultValue SignIn signIn) {

	/**
	 * @param allowedRegions region codes (such as NL, BE) that texts and calls may go to; empty for all
	 * @param codeLifetime how long a challenge accepts its codes
	 * @param maxWrongAttempts wrong entries that end a challenge
	 * @param resendCooldown how long after a send "Resend code" works again
	 * @param maxSendsPerNumberPerHour texts and calls to one number in any hour
	 * @param maxSendsPerUserPerDay texts and calls for one person in any 24 hours
	 * @param homeRegion the organisation's own country (such as NL): the phone form starts with it for a person
	 * who has no number yet, before the browser's region; empty for none
	 */
	public record Phone(@NotNull @DefaultValue List<String> allowedRegions,
			@NotNull @DefaultValue("10m") Duration codeLifetime, @Min(1) @DefaultValue("5") int maxWrongAttempts,
			@NotNull @DefaultValue("30s") Duration resendCooldown,
			@Min(1) @DefaultValue("5") int maxSendsPerNumberPerHour,
			@Min(1) @DefaultValue("10") int maxSendsPerUserPerDay, @NotNull @DefaultValue("") String homeRegion) {
	}

	/**
	 * @param requireRegistration whether people with too few methods are asked to register at sign-in
	 * @param methodsRequiredForReset methods needed to reset a password: 1 or 2
	 * @param reconfirmDays days before people are asked to reconfirm their security info; 0 for never
	 * @param skipDays days a person may skip registration; 0 for not at all
	 */
	public record Registration(@DefaultValue("false") boolean requireRegistration,
			@Min(1) @Max(2) @DefaultValue("1") int methodsRequiredForReset,
			@Min(0) @DefaultValue("0") int reconfirmDays, @Min(0) @DefaultValue("14") int skipDays) {
	}

	/**
	 * @param required whether everyone who has a two-step method must use it at sign-in; off by default so that the
	 * demo signs in with a password alone
	 */
	public record TwoStep(@DefaultValue("false") boolean required) {
	}

	/**
	 * @param strongestFirst whether two-step sign-in and step-up ask for each person's strongest method first
	 * (passkey, authenticator app, call, text) rather than their default method
	 */
	public record SignIn(@DefaultValue("true") boolean strongestFirst) {
	}

}
