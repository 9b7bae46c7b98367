package io.securityinfo.securityinfo.phone;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.CheckResult;
import io.securityinfo.verification.VerificationCodes;

/**
 * Adding a phone of any {@link PhoneLikeMethodType}, or changing its number: a code to the number first, the method
 * (or its new number) only once the code comes back.
 */
@Service
class PhoneRegistration {

	/** What a challenge proves its number for; see {@link PhoneProof}. */
	record Purpose(PhoneLikeMethodType type, boolean changesNumber, String extension) {
	}

	private final VerificationCodes codes;

	private final SecurityInfo securityInfo;

	private final PhoneProofRepository proofs;

	private final List<PhoneLikeMethodType> phoneTypes;

	private final PhoneLikeMethodType phone;

	PhoneRegistration(VerificationCodes codes, SecurityInfo securityInfo, PhoneProofRepository proofs,
			List<PhoneLikeMethodType> phoneTypes, PhoneMethodType phone) {
		this.codes = codes;
		this.securityInfo = securityInfo;
		this.proofs = proofs;
		this.phoneTypes = phoneTypes;
		this.phone = phone;
	}

	/**
	 * Sends a code to the number by text or call, and remembers what it is to prove the number for.
	 * @param changesNumber the number is to replace the one of the person's method of this type (Change); without
	 * such a method it is added
	 * @throws ModeNotAllowedException when the type does not prove numbers that way or the policy does not let this
	 * person use the mode
	 * @throws MethodAlreadyRegisteredException when the person has a method of this type and does not change it
	 * @throws NumberInUseException when the person uses the number for another of their phone types already
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit or the policy's countries
	 * stand in the way, or the gateway did not take the message
	 */
	@Transactional
	ChallengeView sendCode(long accountId, PhoneLikeMethodType type, PhoneDetail number, MethodMode mode,
			boolean changesNumber) {
		if (!securityInfo.allowedModes(accountId, type.id()).contains(mode)) {
			throw new ModeNotAllowedException();
		}
		boolean registered = securityInfo.hasMethodOfType(accountId, type.id());
		if (registered && !changesNumber) {
			throw new MethodAlreadyRegisteredException();
		}
		numberUsedBy(accountId, number, type).ifPresent(usedBy -> {
			throw new NumberInUseException(usedBy);
		});
		ChallengeView challenge = codes.start(accountId, mode == MethodMode.CALL ? Channel.VOICE : Channel.SMS,
				number.e164());
		proofs.save(new PhoneProof(challenge.id(), accountId, type.id(), changesNumber, number.extension()));
		return challenge;
	}

	/**
	 * Sends another code for a phone challenge, the way the first went.
	 * @throws ModeNotAllowedException when the policy no longer lets this person use that way for the type the
	 * challenge proves a number for
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit or the policy's countries
	 * stand in the way, or the gateway did not take the message
	 */
	ChallengeView resendCode(long accountId, String challengeId) {
		ChallengeView challenge = codes.get(accountId, challengeId, Channel.PHONE);
		PhoneLikeMethodType type = purposeOf(challengeId).type();
		if (!securityInfo.allowedModes(accountId, type.id()).contains(modeOf(challenge.channel()))) {
			throw new ModeNotAllowedException();
		}
		return codes.resend(accountId, challengeId);
	}

	/**
	 * Checks the code and, when it is right, stores the phone (or its new number) in the same transaction. Of two
	 * submissions of one code only one stores anything; the other answers done when that one did.
	 */
	@Transactional
	Confirmation confirm(long accountId, String challengeId, String code) {
		Purpose purpose = purposeOf(challengeId);
		PhoneLikeMethodType type = purpose.type();
		CheckResult result = codes.check(accountId, challengeId, code);
		if (result instanceof CheckResult.Verified verified) {
			MethodMode mode = modeOf(verified.channel());
			PhoneDetail number = new PhoneDetail(verified.destination(), purpose.extension());
			boolean registered = securityInfo.hasMethodOfType(accountId, type.id());
			if (registered && !purpose.changesNumber()) {
				return Confirmation.failed(type.alreadyRegisteredKey());
			}
			if (!securityInfo.allowedModes(accountId, type.id()).contains(mode)) {
				return Confirmation.failed("phone.mode.not-allowed");
			}
			Optional<MethodType> usedBy = numberUsedBy(accountId, number, type);
			if (usedBy.isPresent()) {
				return Confirmation.failed("phone.number.in-use", nameOf(usedBy.get()));
			}
			if (registered) {
				securityInfo.changeDetail(accountId, type.id(), number.stored());
			}
			else {
				securityInfo.register(accountId, type.id(), number.stored(), mode);
			}
			return Confirmation.done();
		}
		if (result instanceof CheckResult.AlreadyVerified already) {
			String detail = new PhoneDetail(already.destination(), purpose.extension()).stored();
			return securityInfo.isRegistered(accountId, type.id(), detail) ? Confirmation.done()
					: Confirmation.failed("code.already-used");
		}
		if (result instanceof CheckResult.Wrong wrong) {
			return Confirmation.failed("code.wrong", wrong.attemptsLeft());
		}
		if (result instanceof CheckResult.Exhausted) {
			return Confirmation.failed("code.exhausted");
		}
		if (result instanceof CheckResult.Expired) {
			return Confirmation.failed("code.expired");
		}
		return Confirmation.failed("verification.refused.locked-out");
	}

	/**
	 * What the challenge proves its number for. A challenge sent before phone types had proofs proves a new Phone,
	 * the only type there was.
	 */
	@Transactional(readOnly = true)
	Purpose purposeOf(String challengeId) {
		return proofs.findById(challengeId)
			.map(proof -> new Purpose(phoneType(proof.getMethodType()), proof.changesNumber(), proof.getExtension()))
			.orElseGet(() -> new Purpose(phone, false, null));
	}

	/** The message argument that names a type, resolved in the reader's language with the message. */
	static DefaultMessageSourceResolvable nameOf(MethodType type) {
		return new DefaultMessageSourceResolvable(type.nameKey());
	}

	static MethodMode modeOf(Channel channel) {
		return channel == Channel.VOICE ? MethodMode.CALL : MethodMode.TEXT;
	}

	/**
	 * The phone type of this person that already has the number. The method being changed counts only when the new
	 * detail is exactly its own: a new extension for the same office number is a change.
	 */
	private Optional<MethodType> numberUsedBy(long accountId, PhoneDetail number, PhoneLikeMethodType type) {
		Map<String, String> details = securityInfo.detailsByType(accountId);
		return phoneTypes.stream()
			.filter(other -> details.containsKey(other.id()))
			.filter(other -> PhoneDetail.parse(details.get(other.id())).e164().equals(number.e164()))
			.filter(other -> !other.id().equals(type.id()) || details.get(other.id()).equals(number.stored()))
			.map(MethodType.class::cast)
			.findFirst();
	}

	private PhoneLikeMethodType phoneType(String id) {
		return phoneTypes.stream()
			.filter(type -> type.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown phone type " + id));
	}

}
