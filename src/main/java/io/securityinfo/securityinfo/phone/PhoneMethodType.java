package io.securityinfo.securityinfo.phone;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.phone.PhoneNumbers;

/** The mobile phone: proven by a text or a call, then used for sign-in by either. */
@Component
public class PhoneMethodType extends PhoneLikeMethodType {

	public static final String ID = "PHONE";

	PhoneMethodType(PhoneNumbers phoneNumbers) {
		super(ID, 20, "phone", List.of(PhoneModes.TEXT, PhoneModes.CALL), phoneNumbers);
	}

	/** "Text my mobile phone" and "Call my mobile phone": two ways, one method proven. */
	@Override
	public List<ResetWay> resetWays() {
		return List.of(ResetWay.codeSentIn(PhoneModes.TEXT, "TEXT", "text", 10, this),
				ResetWay.codeSentIn(PhoneModes.CALL, "CALL", "call", 20, this));
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
