package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.phone.PhoneNumbers;

/** A second phone, such as a partner's or a home landline: proven by a call, then used for sign-in by calls. */
@Component
public class AlternatePhoneMethodType extends PhoneLikeMethodType {

	public static final String ID = "ALTERNATE_PHONE";

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
		return List.of(PhoneModes.CALL);
	}

	@Override
	public List<ResetWay> resetWays() {
		return List.of(ResetWay.codeSentIn(PhoneModes.CALL, "ALTERNATE_CALL", "alternate-phone", 40, this));
	}

	@Override
	String slug() {
		return "alternate-phone";
	}

}
