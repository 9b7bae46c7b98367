package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.phone.PhoneNumbers;

/** The desk phone at work, with its extension if it has one: proven by a call, then used for sign-in by calls. */
@Component
public class OfficePhoneMethodType extends PhoneLikeMethodType {

	public static final String ID = "OFFICE_PHONE";

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
		return List.of(PhoneModes.CALL);
	}

	/** "Call my office phone": a call to its number; the extension is not dialled, as when it was registered. */
	@Override
	public List<ResetWay> resetWays() {
		return List.of(ResetWay.codeSentIn(PhoneModes.CALL, "OFFICE_CALL", "office-phone", 30, this));
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
