package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.phone.PhoneNumbers;

/** A second phone, such as a partner's or a home landline: proven by a call, then used for sign-in by calls. */
@Component
class AlternatePhoneMethodType extends PhoneLikeMethodType {

	static final String ID = "ALTERNATE_PHONE";

	AlternatePhoneMethodType(PhoneNumbers phoneNumbers) {
		super(phoneNumbers);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int rank() {
		return 30;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(MethodMode.CALL);
	}

	@Override
	String slug() {
		return "alternate-phone";
	}

}
