package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.phone.PhoneNumbers;

/** The desk phone at work, with its extension if it has one: proven by a call, then used for sign-in by calls. */
@Component
class OfficePhoneMethodType extends PhoneLikeMethodType {

	static final String ID = "OFFICE_PHONE";

	OfficePhoneMethodType(PhoneNumbers phoneNumbers) {
		super(phoneNumbers);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int rank() {
		return 40;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of(MethodMode.CALL);
	}

	@Override
	String slug() {
		return "office-phone";
	}

	@Override
	public boolean hasExtension() {
		return true;
	}

}
