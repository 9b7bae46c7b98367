package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.phone.PhoneNumbers;

/** A second phone, such as a partner's or a home landline: proven by a call, then used for sign-in by calls. */
@Component
public class AlternatePhoneMethodType extends PhoneLikeMethodType {

	public static final String ID = "ALTERNATE_PHONE";

	AlternatePhoneMethodType(PhoneNumbers phoneNumbers) {
		super(ID, 30, "alternate-phone", List.of(PhoneModes.CALL), phoneNumbers);
	}

	@Override
	public List<ResetWay> resetWays() {
		return List.of(ResetWay.codeSentIn(PhoneModes.CALL, "ALTERNATE_CALL", "alternate-phone", 40, this));
	}

}
