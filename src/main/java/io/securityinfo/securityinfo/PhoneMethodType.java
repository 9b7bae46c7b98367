package io.securityinfo.securityinfo;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.phone.PhoneNumbers;

/** The mobile phone: proven by a text or a call, then used for sign-in by either. */
@Component
class PhoneMethodType implements MethodType {

	static final String ID = "PHONE";

	private final PhoneNumbers phoneNumbers;

	PhoneMethodType(PhoneNumbers phoneNumbers) {
		this.phoneNumbers = phoneNumbers;
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
	public String addPath() {
		return "/security-info/phone";
	}

	@Override
	public String displayDetail(String e164) {
		return phoneNumbers.formatInternational(e164);
	}

	@Override
	public String maskedDetail(String e164) {
		return PhoneNumbers.mask(e164);
	}

}
