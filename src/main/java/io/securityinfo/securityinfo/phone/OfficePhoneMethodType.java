package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.phone.PhoneNumbers;

/** The desk phone at work, with its extension if it has one: proven by a call, then used for sign-in by calls. */
@Component
public class OfficePhoneMethodType extends PhoneLikeMethodType {

	public static final String ID = "OFFICE_PHONE";

	OfficePhoneMethodType(PhoneNumbers phoneNumbers) {
		super(ID, 40, "office-phone", List.of(PhoneModes.CALL), phoneNumbers);
	}

	/** "Call my office phone": a call to its number; the extension is not dialled, as when it was registered. */
	@Override
	public List<ResetWay> resetWays() {
		return List.of(ResetWay.codeSentIn(PhoneModes.CALL, "OFFICE_CALL", "office-phone", 30, this));
	}

	@Override
	public boolean hasExtension() {
		return true;
	}

}
