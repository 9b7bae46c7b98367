package io.securityinfo.securityinfo.campaign;

import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.passkey.PasskeyMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * The campaign's progress: people by strongest method counted in the database match the people and methods the
 * database holds, the page draws them, and each week keeps its last count.
 */
@AppTest
class CampaignProgressTests extends AppFixture {

	/** The strength order the issue names, written out here rather than read from the metadata it checks. */
	private static final List<String> STRONGEST_FIRST = List.of("PASSKEY", "AUTHENTICATOR_APP", "PHONE",
			"ALTERNATE_PHONE", "OFFICE_PHONE");

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	CampaignProgress progress;

	SignedInUser admin;

	@BeforeEach
	void createAdmin() {
		admin = newAdmin();
	}

	@Test
	void countNowWhenPeopleHaveMethodsThenEqualsThePeopleInTheDatabase() {
		Map<String, Long> before = progress.countNow();
		SignedInUser phoneOnly = newEmployee();
		addPhone(phoneOnly);
		SignedInUser phoneAndApp = newEmployee();
		addPhone(phoneAndApp);
		securityInfo.register(phoneAndApp.id(), AuthenticatorAppMethodType.ID, "TOTP",
				AuthenticatorAppMethodType.APP_CODE);
		SignedInUser passkey = newEmployee();
		addPhone(passkey);
		securityInfo.register(passkey.id(), PasskeyMethodType.ID, "WEBAUTHN", PasskeyMethodType.PASSKEY);
		SignedInUser emailOnly = newEmployee();
		securityInfo.register(emailOnly.id(), "EMAIL", emailOnly.email(), null);
		SignedInUser disabled = newEmployee();
		addPhone(disabled);
		accounts.disable(admin.id(), disabled.id());

		Map<String, Long> now = progress.countNow();

		assertThat(now).isEqualTo(countedOneByOne());
		assertThat(now.get("PHONE")).isEqualTo(before.get("PHONE") + 1);
		assertThat(now.get("AUTHENTICATOR_APP")).isEqualTo(before.get("AUTHENTICATOR_APP") + 1);
		assertThat(now.get("PASSKEY")).isEqualTo(before.get("PASSKEY") + 1);
		// The new admin and the person with only an email (never a sign-in method) have none.
		assertThat(now.get(CampaignProgress.NONE)).isEqualTo(before.get(CampaignProgress.NONE) + 1);
		assertThat(now.values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(jdbc.queryForObject("select count(*) from account where enabled = true", Long.class));
	}

	@Test
	void progressPageWhenViewedThenDrawsTheCountsAndKeepsThemAsThisWeeks() throws Exception {
		addPhone(newEmployee());

		mvc.perform(get("/admin/registration/campaign/progress").with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("People by strongest method now"))
			.andExpect(shows("<svg"))
			.andExpect(shows("<g id=\"now-PHONE\">"));

		Map<String, Long> expected = countedOneByOne();
		assertThat(week(progress.thisWeek())).isEqualTo(expected);
		mvc.perform(get("/admin/registration/campaign/progress").with(signedIn(admin)))
			.andExpect(shows("class=\"chart-label chart-count\">" + expected.get("PHONE") + "</text>"));
	}

	@Test
	void weeksWhenAWeekPassesThenThePastWeekKeepsItsLastCountAndTheNewWeekCountsAgain() throws Exception {
		mvc.perform(get("/admin/registration/campaign/progress").with(signedIn(admin))).andExpect(status().isOk());
		LocalDate firstWeek = progress.thisWeek();
		Map<String, Long> first = week(firstWeek);
		SignedInUser newcomer = newEmployee();
		securityInfo.register(newcomer.id(), AuthenticatorAppMethodType.ID, "TOTP",
				AuthenticatorAppMethodType.APP_CODE);

		clock.advance(Duration.ofDays(7));
		mvc.perform(get("/admin/registration/campaign/progress").with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("<g id=\"week-" + firstWeek + "\">"))
			.andExpect(shows("<g id=\"week-" + progress.thisWeek() + "\">"));

		assertThat(progress.thisWeek()).isEqualTo(firstWeek.plusWeeks(1));
		assertThat(week(firstWeek)).isEqualTo(first);
		Map<String, Long> second = week(progress.thisWeek());
		assertThat(second).isEqualTo(countedOneByOne());
		assertThat(second.get("AUTHENTICATOR_APP")).isEqualTo(first.get("AUTHENTICATOR_APP") + 1);
		assertThat(progress.weeks()).containsKeys(firstWeek, firstWeek.plusWeeks(1));
	}

	/** Each enabled person's strongest method, worked out one by one from their rows: what the one query must say. */
	private Map<String, Long> countedOneByOne() {
		Map<Long, String> strongest = new HashMap<>();
		jdbc.query("select a.id, m.type from account a left join security_method m on m.account_id = a.id"
				+ " where a.enabled = true", row -> {
					long account = row.getLong(1);
					String type = row.getString(2);
					String best = strongest.getOrDefault(account, CampaignProgress.NONE);
					if (type != null && STRONGEST_FIRST.contains(type) && (best.equals(CampaignProgress.NONE)
							|| STRONGEST_FIRST.indexOf(type) < STRONGEST_FIRST.indexOf(best))) {
						best = type;
					}
					strongest.put(account, best);
				});
		Map<String, Long> counts = new LinkedHashMap<>();
		STRONGEST_FIRST.forEach(type -> counts.put(type, 0L));
		counts.put(CampaignProgress.NONE, 0L);
		strongest.values().forEach(type -> counts.merge(type, 1L, Long::sum));
		return counts;
	}

	private Map<String, Long> week(LocalDate week) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.query("select strongest, people from campaign_week where week_start = ?",
				row -> {
					counts.put(row.getString(1), row.getLong(2));
				}, Date.valueOf(week));
		return counts;
	}

	private void addPhone(SignedInUser owner) {
		securityInfo.register(owner.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
	}

}
