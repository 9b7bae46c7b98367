package io.securityinfo.notification;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;

/** "This wasn't me": the link of a notification, opened without signing in. */
@AppTest
class NotMeControllerTests extends AppFixture {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/not-me/([A-Za-z0-9_-]{43}))");

	@Test
	void openWhenTheLinkIsValidThenAsksToConfirmAndChangesNothing() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);

		mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(shows("Didn&#39;t you make the change you were told about?"))
			.andExpect(shows("<form action=\"" + link + "\" method=\"post\">"))
			.andExpect(shows("Sign out everywhere"));

		assertThat(auditedActions(user)).doesNotContain("NOT_ME_REPORTED");
		assertThat(linkRow(link).get("used_at")).isNull();
	}

	@Test
	void linkWhenIssuedThenOnlyItsHashIsStoredAndItWorksForSevenDays() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);
		String token = link.substring(link.lastIndexOf('/') + 1);

		Map<String, Object> row = linkRow(link);
		assertThat(row.get("token_hash")).isNotEqualTo(token);
		assertThat(jdbc.queryForObject("select count(*) from not_me_link where token_hash = ?", Integer.class, token))
			.isZero();
		OffsetDateTime createdAt = jdbc.queryForObject("select created_at from not_me_link where id = ?",
				OffsetDateTime.class, row.get("id"));
		OffsetDateTime expiresAt = jdbc.queryForObject("select expires_at from not_me_link where id = ?",
				OffsetDateTime.class, row.get("id"));
		assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(7));
		assertThat(row.get("change_made")).isEqualTo("PASSWORD_CHANGED");
	}

	@Test
	void confirmWhenTheLinkIsValidThenSaysToContactTheAdministratorAndAuditsIt() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);

		mvc.perform(post(link).with(csrf())).andExpect(redirectedUrl("/not-me/reported"));
		mvc.perform(get("/not-me/reported"))
			.andExpect(status().isOk())
			.andExpect(shows("Your account was signed out everywhere"))
			.andExpect(shows("Contact your administrator now"));

		assertThat(linkRow(link).get("used_at")).isNotNull();
		assertThat(jdbc.queryForList("""
				select facts from audit_event where subject_account_id = ? and actor_account_id = ?
				and action = 'NOT_ME_REPORTED'""", String.class, user.id(), user.id()))
			.singleElement()
			.asString()
			.startsWith("reported=PASSWORD_CHANGED&sessions=");
	}

	@Test
	void confirmWhenTheLinkWasUsedThenSaysSoAndAuditsNothingMore() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);
		mvc.perform(post(link).with(csrf())).andExpect(redirectedUrl("/not-me/reported"));

		mvc.perform(post(link).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(shows("This link was already used: your account was signed out everywhere then."));
		mvc.perform(get(link))
			.andExpect(status().isGone())
			.andExpect(shows("This link was already used"))
			.andExpect(doesNotShow("<form"));

		assertThat(auditedActions(user)).containsOnlyOnce("NOT_ME_REPORTED");
	}

	@Test
	void openWhenTheLinkIsTamperedWithThenSaysItIsNotValid() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);
		char last = link.charAt(link.length() - 1);
		String tampered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');

		mvc.perform(get(tampered))
			.andExpect(status().isNotFound())
			.andExpect(shows("This link can&#39;t be used"))
			.andExpect(shows("This link isn&#39;t valid. Check that you opened the whole link from the email."));
		mvc.perform(post(tampered).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/not-me/" + "x".repeat(500))).andExpect(status().isNotFound());

		assertThat(auditedActions(user)).doesNotContain("NOT_ME_REPORTED");
		assertThat(linkRow(link).get("used_at")).isNull();
	}

	@Test
	void confirmWhenTheLinkExpiredThenSaysSoAndChangesNothing() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);
		jdbc.update("update not_me_link set expires_at = ? where id = ?", clock.instant().atOffset(ZoneOffset.UTC),
				linkRow(link).get("id"));

		mvc.perform(get(link)).andExpect(status().isGone()).andExpect(shows("This link has expired."));
		mvc.perform(post(link).with(csrf())).andExpect(status().isGone()).andExpect(shows("This link has expired."));

		assertThat(auditedActions(user)).doesNotContain("NOT_ME_REPORTED");
		assertThat(linkRow(link).get("used_at")).isNull();
	}

	@Test
	void confirmWhenTheFormHasNoCsrfTokenThenRefusesAndChangesNothing() throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);

		mvc.perform(post(link)).andExpect(status().isForbidden());

		assertThat(linkRow(link).get("used_at")).isNull();
		assertThat(auditedActions(user)).doesNotContain("NOT_ME_REPORTED");
	}

	@Test
	void housekeepingWhenALinkExpiredLongerAgoThanTheRetentionThenDeletesIt(@Autowired NotMeLinks links)
			throws Exception {
		SignedInUser user = newEmployee();
		String link = notifiedLink(user);
		Object id = linkRow(link).get("id");
		jdbc.update("update not_me_link set expires_at = ? where id = ?",
				clock.instant().minus(Duration.ofDays(30)).minusSeconds(1).atOffset(ZoneOffset.UTC), id);

		links.deleteExpired();

		assertThat(jdbc.queryForObject("select count(*) from not_me_link where id = ?", Integer.class, id)).isZero();
		mvc.perform(get(link)).andExpect(status().isNotFound());
	}

	/** Changes the person's password and answers the path of the link in the notification that follows. */
	private String notifiedLink(SignedInUser user) throws Exception {
		mvc.perform(post("/account/password").param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "An0ther-long-passw0rd")
			.param("confirmPassword", "An0ther-long-passw0rd")
			.with(csrf())
			.with(signedIn(user))).andExpect(status().is3xxRedirection());
		List<CapturingEmailGateway.Sent> mails = email.sentTo(user.email());
		assertThat(mails).hasSize(1);
		Matcher link = LINK.matcher(mails.get(0).body());
		assertThat(link.find()).as("a link in %s", mails.get(0).body()).isTrue();
		return link.group(1);
	}

	/** The link's row, found by the SHA-256 of its token, as the app stores it. */
	private Map<String, Object> linkRow(String link) throws NoSuchAlgorithmException {
		String token = link.substring(link.lastIndexOf('/') + 1);
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		return jdbc.queryForMap("select * from not_me_link where token_hash = ?", hash);
	}

	private List<String> auditedActions(SignedInUser user) {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, user.id());
	}

}
