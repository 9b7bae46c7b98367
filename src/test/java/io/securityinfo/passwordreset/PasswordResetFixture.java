package io.securityinfo.passwordreset;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.securityinfo.phone.PhoneModes;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * {@link PolicyFixture} for "Get back into your account" over MockMvc: people with methods registered as Security
 * info keeps them, a reset started in a browser of its own ({@link ResetBrowser}), and what the audit says of it.
 */
abstract class PasswordResetFixture extends PolicyFixture {

	static final String NEW_PASSWORD = "correct horse battery staple";

	@Autowired
	SecurityInfo securityInfo;

	/** Registers a new Dutch mobile number as the person's phone, proven by text; answers it. */
	String registerMobile(SignedInUser person) {
		String mobile = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);
		return mobile;
	}

	/** Two methods proven for a password reset, as the administrator may require. */
	void requireTwoMethodsForReset() {
		registrationPolicy.save(admin.id(), new RegistrationRules(false, 2, 0, 14));
	}

	/** A reset started for the person's email in a browser of its own. */
	ResetBrowser resetFor(SignedInUser person) throws Exception {
		ResetBrowser browser = new ResetBrowser(mvc);
		browser.startFor(person.email());
		return browser;
	}

	/** In the reset, proves the mobile number by the code texted to it; answers where entering the code leads. */
	ResultActions proveByText(ResetBrowser browser, String mobile) throws Exception {
		browser.sendCode("text", mobile);
		return browser.enterCode("text", sms.lastCodeTo(mobile));
	}

	/** The person signs in with this password on the sign-in page. */
	ResultActions signIn(SignedInUser person, String password) throws Exception {
		return mvc.perform(formLogin("/login").user("email", person.email()).password(password));
	}

	/** Each row's action with its method type, mode and further facts, but not the masked number or address. */
	List<String> audited(long accountId) {
		return jdbc.queryForList("""
				select action || coalesce(' ' || method_type, '') || coalesce(' ' || method_mode, '')
				       || coalesce(' ' || facts, '')
				from audit_event where subject_account_id = ? order by id""", String.class, accountId);
	}

}
