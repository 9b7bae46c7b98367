package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.phone.PhoneNumbers;

/** The mobile phone: proven by a text or a call, then used for sign-in by either. */
@Component
public class PhoneMethodType extends PhoneLikeMethodType {

	public static final String ID = "PHONE";

	PhoneMethodType(PhoneNumbers phoneNumbers) {
		super(phoneNumbers);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int rank() {
		return 20;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(MethodMode.TEXT, MethodMode.CALL);
	}

	@Override
	String slug() {
		return "phone";
	}

	/** The keys the phone had before other phone types came, kept so its pages read as they did. */
	@Override
	public String introKey() {
		return "phone.intro";
	}

	@Override
	String registeredKey(MethodMode provenMode) {
		return "phone.registered." + provenMode.name();
	}

	@Override
	String alreadyRegisteredKey() {
		return "phone.already-registered";
	}

}
