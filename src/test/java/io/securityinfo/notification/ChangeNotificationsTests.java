package io.securityinfo.notification;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.account.PasswordChanged;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway.Sent;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * Every change of security info or password leaves a mail at the account's own address, read here from the
 * capturing gateway as the person would read it, and an audit row.
 */
@AppTest
class ChangeNotificationsTests extends AppFixture {

	/** Numbers 06 41 30 0xxx belong to this class, so that per-number sending limits never meet another test's. */
	private static final AtomicInteger numbers = new AtomicInteger(100);

	private static final String LINK = "http://localhost:8080/not-me/[A-Za-z0-9_-]{43}";

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void phoneAddedWhenItsCodeIsEnteredThenMailTellsWhatWhenAndWhereWithTheNumberMaskedAndNoCode()
			throws Exception {
		SignedInUser user = newEmployee();
		String national = nextNational();
		String e164 = "+31" + national.substring(1);

		MvcResult sent = mvc.perform(post("/security-info/phone").param("region", "NL")
			.param("number", national)
			.param("mode", "TEXT")
			.with(csrf())
			.with(signedIn(user))).andExpect(status().is3xxRedirection()).andReturn();
		String codePage = sent.getResponse().getRedirectedUrl();
		String code = sms.lastCodeTo(e164);
		assertThat(email.sentTo(user.email())).as("nothing is mailed before the phone is proven").isEmpty();
		mvc.perform(post(codePage).param("code", code).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl(codePage + "/done"));

		Sent mail = onlyMailTo(user);
		assertThat(mail.subject()).isEqualTo("Your security info was changed");
		assertThat(mail.body()).contains("Hello Test Employee,")
			.contains("The security info of your account " + user.email() + " was changed.")
			.contains("What: Phone added: +31 XXXXXXX" + e164.substring(e164.length() - 2))
			.containsPattern("When: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
			.contains("From: 127.0.0.1")
			.contains("By: someone signed in to your account")
			.contains("If this wasn't you, open this link to sign out of your account everywhere, then contact "
					+ "your administrator:")
			.containsPattern(LINK)
			.doesNotContain(code)
			.doesNotContain(e164.substring(3))
			.doesNotContain(national);
		assertThat(auditedActions(user)).contains("METHOD_ADDED");
	}

	@Test
	void methodDeletedWhenConfirmedThenMailSaysWhichWasDeleted() throws Exception {
		SignedInUser user = newEmployee();
		String e164 = "+31" + nextNational().substring(1);
		long methodId = securityInfo.register(user.id(), "PHONE", e164, PhoneModes.TEXT).id();

		mvc.perform(post("/security-info/methods/{id}/delete", methodId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails).extracting(Sent::subject)
			.containsExactly("Your security info was changed", "Your security info was changed");
		assertThat(mails.get(1).body())
			.contains("What: Phone deleted: +31 XXXXXXX" + e164.substring(e164.length() - 2))
			.containsPattern(LINK);
		assertThat(auditedActions(user)).contains("METHOD_DELETED");
	}

	@Test
	void changeWhenTheRequestNamesAnotherHostThenTheMailLinkIsStillThePublicUrls() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = securityInfo.register(user.id(), "PHONE", "+31" + nextNational().substring(1), PhoneModes.TEXT)
			.id();

		mvc.perform(post("/security-info/methods/{id}/delete", methodId).header("Host", "attacker.example")
			.header("X-Forwarded-Host", "attacker.example")
			.with(csrf())
			.with(signedIn(user))).andExpect(redirectedUrl("/security-info"));

		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails.get(mails.size() - 1).body()).containsPattern(LINK).doesNotContain("attacker.example");
	}

	@Test
	void defaultChangedWhenConfirmedThenMailNamesTheNewDefault() throws Exception {
		SignedInUser user = newEmployee();
		String e164 = "+31" + nextNational().substring(1);
		long methodId = securityInfo.register(user.id(), "PHONE", e164, PhoneModes.TEXT).id();

		mvc.perform(post("/security-info/default").param("choice", methodId + ":CALL")
			.with(csrf())
			.with(signedIn(user))).andExpect(redirectedUrl("/security-info"));

		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).body()).contains(
				"What: Default sign-in method changed to Phone - call +31 XXXXXXX" + e164.substring(e164.length() - 2));
		assertThat(auditedActions(user)).containsSubsequence("METHOD_ADDED", "DEFAULT_METHOD_CHANGED",
				"DEFAULT_METHOD_CHANGED");
	}

	@Test
	void emailMethodChangedThenMailGoesToTheSignInAddressOnlyWithBothAddressesUnreadable() {
		SignedInUser user = newEmployee();
		securityInfo.register(user.id(), "EMAIL", "old.private@example.org", null);

		securityInfo.changeDetail(user.id(), "EMAIL", "new.private@example.org");

		assertThat(email.sentTo("old.private@example.org")).isEmpty();
		assertThat(email.sentTo("new.private@example.org")).isEmpty();
		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails).hasSize(2);
		assertThat(mails.get(0).body()).contains("What: Email added: o***@example.org");
		assertThat(mails.get(1).body()).contains("What: Email changed, now: n***@example.org")
			.doesNotContain("new.private");
		assertThat(auditedActions(user)).containsExactly("METHOD_ADDED", "METHOD_CHANGED");
	}

	@Test
	void passwordChangedWhenSignedInThenMailSaysSoWithALink() throws Exception {
		SignedInUser user = newEmployee();

		changePassword(user).andExpect(status().is3xxRedirection());

		Sent mail = onlyMailTo(user);
		assertThat(mail.subject()).isEqualTo("Your password was changed");
		assertThat(mail.body()).contains("The password of your account " + user.email() + " was changed.")
			.contains("What: Password changed")
			.contains("From: 127.0.0.1")
			.doesNotContain(TestAccounts.PASSWORD)
			.doesNotContain("An0ther-long-passw0rd")
			.containsPattern(LINK);
		assertThat(auditedActions(user)).containsExactly("PASSWORD_CHANGED");
	}

	@Test
	void passwordChangedWhenTheMailServerFailsThenThePasswordIsChangedAnyway() throws Exception {
		SignedInUser user = newEmployee();
		String hashBefore = passwordHashOf(user);
		email.failNextWith(new EmailDeliveryException("mail server down", null));

		changePassword(user).andExpect(status().is3xxRedirection());

		assertThat(email.sentTo(user.email())).isEmpty();
		assertThat(passwordHashOf(user)).isNotEqualTo(hashBefore);
		assertThat(auditedActions(user)).containsExactly("PASSWORD_CHANGED");
	}

	@Test
	void passwordResetWhenPublishedByTheResetThenMailSaysItWasReset(@Autowired ApplicationEventPublisher events,
			@Autowired PlatformTransactionManager transactions) {
		SignedInUser user = newEmployee();

		new TransactionTemplate(transactions).executeWithoutResult(status -> events
			.publishEvent(new PasswordChanged(user.id(), Instant.parse("2026-11-24T10:15:00Z"), "192.0.2.7", null,
					true)));

		Sent mail = onlyMailTo(user);
		assertThat(mail.subject()).isEqualTo("Your password was changed");
		assertThat(mail.body()).contains("What: Password reset")
			.contains("When: 2026-11-24 10:15 UTC")
			.contains("From: 192.0.2.7")
			.contains("By: someone who reset the password with your security info")
			.containsPattern(LINK);
	}

	@Test
	void passwordResetWhenItsTransactionRollsBackThenNothingIsMailed(@Autowired ApplicationEventPublisher events,
			@Autowired PlatformTransactionManager transactions) {
		SignedInUser user = newEmployee();

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			events.publishEvent(new PasswordChanged(user.id(), Instant.parse("2026-11-24T10:15:00Z"), null, null,
					true));
			status.setRollbackOnly();
		});

		assertThat(email.sentTo(user.email())).isEmpty();
	}

	@Test
	void allMethodsDeletedWhenByAnAdministratorThenMailSaysAnAdministratorDidIt() {
		SignedInUser user = newEmployee();
		SignedInUser admin = newAdmin();
		securityInfo.register(user.id(), "PHONE", "+31" + nextNational().substring(1), PhoneModes.TEXT);

		securityInfo.deleteAll(admin.id(), user.id());

		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).body()).contains("What: All your methods were deleted")
			.contains("By: an administrator of your organization");
		assertThat(email.sentTo(admin.email())).isEmpty();
	}

	@Test
	void authenticatorAppAddedThenMailNamesTheAppAloneWithNoCode() {
		SignedInUser user = newEmployee();

		securityInfo.register(user.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE);

		assertThat(onlyMailTo(user).body()).contains("What: Authenticator app added\n")
			.doesNotContain("TOTP")
			.doesNotContain("AUTHENTICATOR_APP")
			.doesNotContain("APP_CODE");
	}

	@Test
	void authenticatorAppReplacedOrMadeTheDefaultThenMailSaysSoInWords() {
		SignedInUser user = newEmployee();
		String e164 = "+31" + nextNational().substring(1);
		String masked = "+31 XXXXXXX" + e164.substring(e164.length() - 2);
		long phone = securityInfo.register(user.id(), "PHONE", e164, PhoneModes.TEXT).id();
		long app = securityInfo.register(user.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE).id();

		securityInfo.changeDefault(user.id(), app, AuthenticatorAppMethodType.APP_CODE);
		securityInfo.publishAppReplaced(user.id(), "AUTHENTICATOR_APP");
		securityInfo.delete(user.id(), phone);

		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails).extracting(mail -> mail.body().lines().filter(line -> line.startsWith("What: ")).findFirst())
			.map(line -> line.orElse(""))
			.containsExactly("What: Phone added: " + masked, "What: Authenticator app added",
					"What: Default sign-in method changed to Authenticator app - code",
					"What: Authenticator app replaced", "What: Phone deleted: " + masked);
		assertThat(mails).allSatisfy(mail -> assertThat(mail.body()).doesNotContain("TOTP"));
	}

	@Test
	void securityQuestionsAddedThenMailCountsTheAnswersInWords() {
		SignedInUser user = newEmployee();

		securityInfo.register(user.id(), "SECURITY_QUESTIONS", "3", null);

		assertThat(onlyMailTo(user).body()).contains("What: Security questions added: 3 questions answered\n");
	}

	@Test
	void changeWhenRefusedThenNothingIsMailed() throws Exception {
		SignedInUser user = newEmployee();
		SignedInUser other = newEmployee();
		long othersMethodId = securityInfo.register(other.id(), "PHONE", "+31" + nextNational().substring(1),
				PhoneModes.TEXT).id();
		int mailsToOther = email.sentTo(other.email()).size();

		mvc.perform(post("/security-info/methods/{id}/delete", othersMethodId).with(csrf()).with(signedIn(user)))
			.andExpect(status().isNotFound());

		assertThat(email.sentTo(user.email())).isEmpty();
		assertThat(email.sentTo(other.email())).hasSize(mailsToOther);
	}

	private org.springframework.test.web.servlet.ResultActions changePassword(SignedInUser user) throws Exception {
		return mvc.perform(post("/account/password").param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "An0ther-long-passw0rd")
			.param("confirmPassword", "An0ther-long-passw0rd")
			.with(csrf())
			.with(signedIn(user)));
	}

	private Sent onlyMailTo(SignedInUser user) {
		List<Sent> mails = email.sentTo(user.email());
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}

	private List<String> auditedActions(SignedInUser user) {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, user.id());
	}

	private String passwordHashOf(SignedInUser user) {
		return jdbc.queryForObject("select password_hash from account where id = ?", String.class, user.id());
	}

	private static String nextNational() {
		return "0641300" + numbers.incrementAndGet();
	}

}
