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
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;
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

	private final VerificationCodes codes;

	private final SecurityInfo securityInfo;

	private final PhoneProofRepository proofs;

	private final PhoneNumbers phoneNumbers;

	private final List<PhoneLikeMethodType> phoneTypes;

	private final PhoneLikeMethodType phone;

	PhoneRegistration(VerificationCodes codes, SecurityInfo securityInfo, PhoneProofRepository proofs,
			PhoneNumbers phoneNumbers, List<PhoneLikeMethodType> phoneTypes, PhoneMethodType phone) {
		this.codes = codes;
		this.securityInfo = securityInfo;
		this.proofs = proofs;
		this.phoneNumbers = phoneNumbers;
		this.phoneTypes = phoneTypes;
		this.phone = phone;
	}

	/** The modes of the type this person may use, preferred first; empty when the policy allows none. */
	List<MethodMode> allowedModes(long accountId, PhoneLikeMethodType type) {
		return securityInfo.allowedModes(accountId, type.id());
	}

	boolean hasMethod(long accountId, PhoneLikeMethodType type) {
		return securityInfo.hasMethodOfType(accountId, type.id());
	}

	/**
	 * Sends a code to the number by text or call, and remembers what it is to prove the number for.
	 * @param changesNumber the number is to replace the one of the person's method of this type (Change); without
	 * such a method it is added
	 * @throws ModeNotAllowedException when the type does not prove numbers that way or the policy does not let this
	 * person use the mode
	 * @throws MethodAlreadyRegisteredException when the person has a method of this type and does not change it
	 * @throws NumberInUseException when the person uses the number for another of their phone types already
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit, the policy's countries or the
	 * kind of number stand in the way, or the gateway did not take the message
	 */
	@Transactional
	ChallengeView sendCode(long accountId, PhoneLikeMethodType type, PhoneNumber number, MethodMode mode,
			boolean changesNumber) {
		refuseWhenNotRegistrable(accountId, type, number, mode, changesNumber);
		ChallengeView challenge = codes.start(accountId, mode.channel(), number);
		proofs.save(new PhoneProof(challenge.id(), accountId, type.id(), changesNumber, number.extension()));
		return challenge;
	}

	/**
	 * This person's phone challenge, with what it proves its number for.
	 * @throws io.securityinfo.verification.ChallengeNotFoundException when the person has no such phone challenge
	 */
	@Transactional(readOnly = true)
	PhoneChallenge challenge(long accountId, String challengeId) {
		return withProof(codes.get(accountId, challengeId, Channel.PHONE));
	}

	/** This person's phone challenge, as {@link #challenge} reads it, or none. */
	@Transactional(readOnly = true)
	Optional<PhoneChallenge> findChallenge(long accountId, String challengeId) {
		return codes.find(accountId, challengeId, Channel.PHONE).map(this::withProof);
	}

	/**
	 * Sends another code for a phone challenge, the way the first went.
	 * @throws ModeNotAllowedException when the policy no longer lets this person use that way for the type the
	 * challenge proves a number for
	 * @throws io.securityinfo.verification.VerificationRefusedException when a limit or the policy's countries
	 * stand in the way, or the gateway did not take the message
	 */
	ChallengeView resendCode(long accountId, PhoneChallenge challenge) {
		refuseWhenModeNotAllowed(accountId, challenge.type(), challenge.mode());
		return codes.resend(accountId, challenge.id());
	}

	/** {@link #confirm(long, PhoneChallenge, String)} for a challenge known by its id. */
	@Transactional
	Confirmation confirm(long accountId, String challengeId, String code) {
		return confirm(accountId, challenge(accountId, challengeId), code);
	}

	/**
	 * Checks the code and, when it is right, stores the phone (or its new number) in the same transaction. Of two
	 * submissions of one code only one stores anything; the other answers done when that one did.
	 */
	@Transactional
	Confirmation confirm(long accountId, PhoneChallenge challenge, String code) {
		PhoneLikeMethodType type = challenge.type();
		CheckResult result = codes.check(accountId, challenge.id(), code);
		if (result instanceof CheckResult.Verified) {
			return register(accountId, challenge);
		}
		if (result instanceof CheckResult.AlreadyVerified) {
			return securityInfo.isRegistered(accountId, type.id(), challenge.number().stored()) ? Confirmation.done()
					: Confirmation.failed("code.already-used");
		}
		return Confirmation.failed(result.messageKey("code."), result.messageArguments());
	}

	/** The message argument that names a type, resolved in the reader's language with the message. */
	static DefaultMessageSourceResolvable nameOf(MethodType type) {
		return new DefaultMessageSourceResolvable(type.nameKey());
	}

	/** Stores the proven number, unless what was checked when its code was sent no longer holds. */
	private Confirmation register(long accountId, PhoneChallenge challenge) {
		PhoneLikeMethodType type = challenge.type();
		PhoneNumber number = challenge.number();
		boolean registered;
		try {
			registered = refuseWhenNotRegistrable(accountId, type, number, challenge.mode(),
					challenge.changesNumber());
		}
		catch (ModeNotAllowedException ex) {
			return Confirmation.failed("phone.mode.not-allowed");
		}
		catch (MethodAlreadyRegisteredException ex) {
			return Confirmation.failed(type.alreadyRegisteredKey());
		}
		catch (NumberInUseException ex) {
			return Confirmation.failed("phone.number.in-use", nameOf(ex.usedBy()));
		}
		if (registered) {
			securityInfo.changeDetail(accountId, type.id(), number.stored());
		}
		else {
			securityInfo.register(accountId, type.id(), number.stored(), challenge.mode());
		}
		return Confirmation.done();
	}

	/**
	 * What a number must meet to become this person's method of this type, proven this way: the policy lets them
	 * use the mode for the type, they have no method of the type unless they change its number, and they use the
	 * number for none of their other phone types. Checked before a code is sent, so that none goes out for nothing,
	 * and again when it comes back, since the person's methods and the policy may have changed meanwhile.
	 * @return whether the person has a method of this type
	 */
	private boolean refuseWhenNotRegistrable(long accountId, PhoneLikeMethodType type, PhoneNumber number,
			MethodMode mode, boolean changesNumber) {
		refuseWhenModeNotAllowed(accountId, type, mode);
		Map<String, String> details = securityInfo.detailsByType(accountId);
		boolean registered = details.containsKey(type.id());
		if (registered && !changesNumber) {
			throw new MethodAlreadyRegisteredException();
		}
		numberUsedBy(details, number, type).ifPresent(usedBy -> {
			throw new NumberInUseException(usedBy);
		});
		return registered;
	}

	private void refuseWhenModeNotAllowed(long accountId, PhoneLikeMethodType type, MethodMode mode) {
		if (!allowedModes(accountId, type).contains(mode)) {
			throw new ModeNotAllowedException();
		}
	}

	/**
	 * The phone type of this person that already has the number. The method being changed counts only when the new
	 * detail is exactly its own: a new extension for the same office number is a change.
	 */
	private Optional<MethodType> numberUsedBy(Map<String, String> details, PhoneNumber number,
			PhoneLikeMethodType type) {
		return phoneTypes.stream()
			.filter(other -> details.containsKey(other.id()))
			.filter(other -> PhoneNumber.e164Of(details.get(other.id())).equals(number.e164()))
			.filter(other -> !other.id().equals(type.id()) || details.get(other.id()).equals(number.stored()))
			.map(MethodType.class::cast)
			.findFirst();
	}

	/** A challenge sent before phone types had proofs proves a new Phone, the only type there was. */
	private PhoneChallenge withProof(ChallengeView code) {
		Optional<PhoneProof> proof = proofs.findById(code.id());
		PhoneNumber number = phoneNumbers.ofStored(code.destination())
			.withExtension(proof.map(PhoneProof::getExtension).orElse(null));
		return new PhoneChallenge(code, proof.map(found -> phoneType(found.getMethodType())).orElse(phone),
				proof.map(PhoneProof::changesNumber).orElse(false), number);
	}

	private PhoneLikeMethodType phoneType(String id) {
		return phoneTypes.stream()
			.filter(type -> type.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown phone type " + id));
	}

}
