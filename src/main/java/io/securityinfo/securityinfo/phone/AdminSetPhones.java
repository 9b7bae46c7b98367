package io.securityinfo.securityinfo.phone;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.ClientAddress;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.securityinfo.AdministratorSetPhones;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ModeNotAllowedException;
import io.securityinfo.securityinfo.PhoneSetByAdministrator;
import io.securityinfo.verification.ChallengeView;

/**
 * A Phone number set by an administrator (Entra lets administrators add or replace a person's phone). It is kept
 * apart from the person's methods until the person proves it with a code, the Phone flow's own proof
 * ({@link PhoneRegistration}): until then it signs in and resets nothing, and Security info shows it as added by an
 * administrator and not yet confirmed. Proving it adds it as the person's Phone, or replaces the number of the Phone
 * they have; {@link PhoneRegistration} then forgets it here.
 */
@Service
class AdminSetPhones implements AdministratorSetPhones {

	static final String CONFIRM_PATH = "/security-info/phone/administrator-number";

	private final AdminSetPhoneRepository phones;

	private final PhoneRegistration registration;

	private final PhoneMethodType phone;

	private final PhoneNumbers phoneNumbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AdminSetPhones(AdminSetPhoneRepository phones, PhoneRegistration registration, PhoneMethodType phone,
			PhoneNumbers phoneNumbers, ApplicationEventPublisher events, Clock clock) {
		this.phones = phones;
		this.registration = registration;
		this.phone = phone;
		this.phoneNumbers = phoneNumbers;
		this.events = events;
		this.clock = clock;
	}

	/** Sets (or replaces) the number waiting for the person's code, audited and mailed. */
	@Transactional
	void set(long adminId, long accountId, PhoneNumber number, String reason) {
		Instant now = clock.instant();
		AdminSetPhone row = phones.findById(accountId).orElseGet(() -> new AdminSetPhone(accountId));
		row.set(number.stored(), reason.strip(), adminId, now);
		phones.save(row);
		events.publishEvent(new PhoneSetByAdministrator(adminId, accountId, phone.id(), phone.nameKey(),
				phone.maskedDetail(number.stored()), phone.notifiedDetail(number.stored()), reason.strip(), now,
				ClientAddress.current()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Pending> pending(long accountId) {
		return phones.findById(accountId)
			.map(row -> new Pending(phone.nameKey(), phone.displayDetail(row.getDetail()), row.getSetAt(),
					CONFIRM_PATH));
	}

	/** The number waiting for the person's code, as a number. */
	@Transactional(readOnly = true)
	Optional<PhoneNumber> pendingNumber(long accountId) {
		return phones.findById(accountId).map(row -> phoneNumbers.ofStored(row.getDetail()));
	}

	/**
	 * Sends a code to the waiting number, by the first way the policy lets the person prove a Phone, to add it as
	 * their Phone or to replace the number of the one they have. The code page is the Phone flow's.
	 * @throws java.util.NoSuchElementException when no number waits
	 * @throws ModeNotAllowedException when the policy lets the person prove no Phone
	 * @see PhoneRegistration#sendCode
	 */
	ChallengeView sendCode(long accountId) {
		PhoneNumber number = pendingNumber(accountId).orElseThrow();
		List<MethodMode> modes = registration.allowedModes(accountId, phone);
		if (modes.isEmpty()) {
			throw new ModeNotAllowedException();
		}
		return registration.sendCode(accountId, phone, number, modes.get(0), registration.hasMethod(accountId, phone));
	}

}
