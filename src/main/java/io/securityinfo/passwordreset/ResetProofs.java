package io.securityinfo.passwordreset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.securityinfo.email.EmailAddresses;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.securityinfo.ResetMethods;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.totp.AppCodeCheck;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.CheckResult;
import io.securityinfo.verification.VerificationCodes;

/**
 * The ways a person proves who they are in a reset, as the policy has them: which are offered, the code sent to the
 * number or address typed when it is the registered one, and whether a code, an app's code or answers are right.
 * Each check does the same lookups whether the reset is an account's or not; {@link PasswordResets} records what
 * came of it.
 */
@Component
class ResetProofs {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final ResetMethods resetMethods;

	private final MethodPolicy methodPolicy;

	private final RegistrationPolicy registrationPolicy;

	private final QuestionPolicy questionPolicy;

	private final VerificationCodes verificationCodes;

	private final AuthenticatorApps authenticatorApps;

	private final PhoneNumbers phoneNumbers;

	/** Every way to prove who you are, in the order the pages list them, as the method types declare them. */
	private final List<ResetOption> options;

	ResetProofs(ResetMethods resetMethods, MethodPolicy methodPolicy, RegistrationPolicy registrationPolicy,
			QuestionPolicy questionPolicy, VerificationCodes verificationCodes, AuthenticatorApps authenticatorApps,
			PhoneNumbers phoneNumbers) {
		this.resetMethods = resetMethods;
		this.methodPolicy = methodPolicy;
		this.registrationPolicy = registrationPolicy;
		this.questionPolicy = questionPolicy;
		this.verificationCodes = verificationCodes;
		this.authenticatorApps = authenticatorApps;
		this.phoneNumbers = phoneNumbers;
		this.options = resetMethods.ways().stream().map(ResetOption::new).toList();
	}

	/** The option with this part of the URL, whether or not it is offered. */
	Optional<ResetOption> option(String slug) {
		return options.stream().filter(option -> option.slug().equals(slug)).findFirst();
	}

	/** The option that takes this proof, which has a page of its own: the app's code, the answers. */
	ResetOption option(ResetWay.Proof proof) {
		return options.stream()
			.filter(option -> option.proof() == proof)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No way to reset a password by " + proof));
	}

	/** The option stored under this name with a reset. */
	Optional<ResetOption> named(String name) {
		return options.stream().filter(option -> option.name().equals(name)).findFirst();
	}

	/** How many methods a new reset asks for, as the registration policy says. */
	int methodsRequired() {
		return registrationPolicy.current().methodsRequiredForReset();
	}

	/**
	 * The ways this reset may still be proven, as offered to everyone: the policy's methods that are on for anyone,
	 * whatever their groups, and not proven in this reset yet.
	 */
	List<ResetOption> offered(PasswordReset reset) {
		Set<String> proven = reset.provenTypes();
		Set<AuthenticationMethod> switchedOn = methodPolicy.settings()
			.stream()
			.filter(MethodPolicy.Setting::enabled)
			.map(MethodPolicy.Setting::method)
			.collect(Collectors.toSet());
		return options.stream()
			.filter(option -> switchedOn.contains(option.policyMethod()))
			.filter(option -> !proven.contains(option.typeId()))
			.toList();
	}

	int questionsRequired() {
		return questionPolicy.current().questionsRequired();
	}

	List<QuestionPolicy.Question> questionsOffered() {
		return questionPolicy.current().offered();
	}

	/**
	 * What the person typed for the number (with its country code) or address the code of this option goes to.
	 * @return the number in E.164 or the normalized address; empty when what was typed is neither
	 */
	Optional<String> destination(ResetOption option, String typed) {
		if (option.isPhone()) {
			return phoneNumbers.parse(null, typed);
		}
		if (typed == null || !EMAIL.matcher(typed.strip()).matches()) {
			return Optional.empty();
		}
		return Optional.of(EmailAddresses.normalize(typed));
	}

	/**
	 * Sends a code to the destination when it is the one the person registered for this option and the policy lets
	 * them use it.
	 * @return the challenge's id; null when no code was sent
	 * @throws io.securityinfo.verification.VerificationRefusedException when the code for the registered number was
	 * not sent (a sending limit)
	 */
	String sendCode(PasswordReset reset, ResetOption option, String destination) {
		return usable(reset, option).filter(registered -> registered.detail().equals(destination))
			.map(registered -> verificationCodes.start(reset.getAccountId(), option.channel(), destination))
			.map(ChallengeView::id)
			.orElse(null);
	}

	/** "+31 6 12345678" as "+31 6 •••• ••78", the way every page shows a number masked. */
	String mask(ResetOption option, String destination) {
		return option.isPhone() ? PhoneNumbers.mask(destination) : EmailAddresses.mask(destination);
	}

	/** Whether the code typed is the one sent last; spaces do not count. */
	boolean codeIsRight(PasswordReset reset, String code) {
		return reset.getPendingChallengeId() != null && verificationCodes.check(reset.getAccountId(),
				reset.getPendingChallengeId(), code.replaceAll("\\s", "")) instanceof CheckResult.Verified;
	}

	/** Whether the code is one the person's authenticator app shows now. */
	boolean appCodeIsRight(PasswordReset reset, String code) {
		return usable(reset, option(ResetWay.Proof.APP_CODE))
			.map(app -> authenticatorApps.verify(reset.getAccountId(), app.methodId(), code) == AppCodeCheck.ACCEPTED)
			.orElse(false);
	}

	/**
	 * Whether these are the answers to the person's security questions, by question id. They are checked against a
	 * hash even when the person may not use questions, so that it takes as long.
	 */
	boolean answersAreRight(PasswordReset reset, Map<Long, String> answers) {
		ResetOption questions = option(ResetWay.Proof.ANSWERS);
		boolean allowed = reset.getAccountId() != null && !reset.provenTypes().contains(questions.typeId())
				&& methodPolicy.allowedFor(reset.getAccountId()).contains(questions.policyMethod());
		return resetMethods.answersMatch(allowed ? reset.getAccountId() : null, answers,
				questionPolicy.current().questionsRequired()) && allowed;
	}

	/**
	 * The person's method this option uses, when they have one, have not proven it in this reset yet, and the
	 * policy lets them use it this way.
	 */
	private Optional<ResetMethods.Registered> usable(PasswordReset reset, ResetOption option) {
		if (reset.getAccountId() == null || reset.provenTypes().contains(option.typeId())
				|| !methodPolicy.allowedFor(reset.getAccountId()).contains(option.policyMethod())) {
			return Optional.empty();
		}
		return resetMethods.find(reset.getAccountId(), option.way());
	}

}
