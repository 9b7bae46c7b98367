package io.securityinfo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.policy.PolicyFixture;

@AppTest
class GroupsControllerTests extends PolicyFixture {

	SignedInUser employee;

	@BeforeEach
	void createEmployee() {
		employee = newEmployee();
	}

	@Test
	void createWhenTheNameIsNewThenTheGroupIsCreatedAndAudited() throws Exception {
		String name = uniqueName("Sales");

		String location = mvc.perform(asAdmin(post("/admin/groups")).param("name", "  " + name + " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "groups.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		long id = jdbc.queryForObject("select id from user_group where name = ?", Long.class, name);
		assertThat(location).isEqualTo("/admin/groups/" + id);
		assertThat(audited("GROUP_CREATED")).containsExactly(Map.of("SUBJECT_ACCOUNT_ID", -1L, "DETAIL", name));
		mvc.perform(asAdmin(get(location)))
			.andExpect(content().string(allOf(containsString("<h1>" + name + "</h1>"),
					containsString("This group has no members yet."))));
		mvc.perform(asAdmin(get("/admin/groups")))
			.andExpect(content().string(containsString("<a href=\"/admin/groups/" + id + "\">" + name + "</a>")));
	}

	@Test
	void createWhenAGroupHasTheNameAlreadyThenRefusedKeepingTheTypedName() throws Exception {
		String name = uniqueName("Finance");
		groups.create(admin.id(), name);

		mvc.perform(asAdmin(post("/admin/groups")).param("name", name.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("A group with this name already exists."),
					containsString("value=\"" + name.toUpperCase() + "\""))));

		assertThat(jdbc.queryForObject("select count(*) from user_group where upper(name) = ?", Integer.class,
				name.toUpperCase()))
			.isOne();
		assertThat(audited("GROUP_CREATED")).hasSize(1);
	}

	@Test
	void createWhenTheNameIsBlankThenRefused() throws Exception {
		mvc.perform(asAdmin(post("/admin/groups")).param("name", "   "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"field-error\" id=\"name-error\">Enter a name for "
					+ "the group.</p>")));

		assertThat(audited("GROUP_CREATED")).isEmpty();
	}

	@Test
	void addMemberWhenAnAccountHasTheEmailThenTheyAreAMemberAndItIsAuditedAboutThem() throws Exception {
		long group = groups.create(admin.id(), uniqueName("Support"));

		mvc.perform(asAdmin(post("/admin/groups/" + group + "/members")).param("email",
				employee.email().toUpperCase()))
			.andExpect(redirectedUrl("/admin/groups/" + group))
			.andExpect(flash().attribute("notice", "groups.member.added"));

		assertThat(members(group)).containsExactly(employee.id());
		assertThat(audited("GROUP_MEMBER_ADDED")).extracting(row -> row.get("SUBJECT_ACCOUNT_ID"))
			.containsExactly(employee.id());
		mvc.perform(asAdmin(get("/admin/groups/" + group)))
			.andExpect(content().string(containsString("<td>" + employee.email() + "</td>")));
	}

	@Test
	void addMemberWhenNoAccountHasTheEmailThenRefused() throws Exception {
		long group = groups.create(admin.id(), uniqueName("Support"));

		mvc.perform(asAdmin(post("/admin/groups/" + group + "/members")).param("email", "nobody-"
				+ System.nanoTime() + "@example.com"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No account has this email.")));

		assertThat(members(group)).isEmpty();
		assertThat(audited("GROUP_MEMBER_ADDED")).isEmpty();
	}

	@Test
	void addMemberWhenThePersonIsAMemberAlreadyThenRefused() throws Exception {
		long group = groups.create(admin.id(), uniqueName("Support"));
		groups.addMember(admin.id(), group, employee.email());

		mvc.perform(asAdmin(post("/admin/groups/" + group + "/members")).param("email", employee.email()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This person is already a member.")));

		assertThat(members(group)).containsExactly(employee.id());
		assertThat(audited("GROUP_MEMBER_ADDED")).hasSize(1);
	}

	@Test
	void removeMemberThenTheyAreNoLongerAMemberAndItIsAuditedAboutThem() throws Exception {
		long group = groups.create(admin.id(), uniqueName("Support"));
		groups.addMember(admin.id(), group, employee.email());

		mvc.perform(asAdmin(post("/admin/groups/" + group + "/members/" + employee.id() + "/remove")))
			.andExpect(redirectedUrl("/admin/groups/" + group))
			.andExpect(flash().attribute("notice", "groups.member.removed"));

		assertThat(members(group)).isEmpty();
		assertThat(audited("GROUP_MEMBER_REMOVED")).extracting(row -> row.get("SUBJECT_ACCOUNT_ID"))
			.containsExactly(employee.id());
	}

	@Test
	void deleteWhenConfirmedThenTheGroupIsGoneAndAudited() throws Exception {
		String name = uniqueName("Temporary");
		long group = groups.create(admin.id(), name);
		groups.addMember(admin.id(), group, employee.email());

		mvc.perform(asAdmin(get("/admin/groups/" + group + "/delete")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Are you sure you would like to delete the group " + name + "?"),
					containsString("Methods enabled only for selected groups will no longer be allowed for this "
							+ "group&#39;s members. This can&#39;t be undone."))));
		mvc.perform(asAdmin(post("/admin/groups/" + group + "/delete")))
			.andExpect(redirectedUrl("/admin/groups"))
			.andExpect(flash().attribute("notice", "groups.deleted"));

		assertThat(jdbc.queryForObject("select count(*) from user_group where id = ?", Integer.class, group)).isZero();
		assertThat(members(group)).isEmpty();
		assertThat(audited("GROUP_DELETED")).containsExactly(Map.of("SUBJECT_ACCOUNT_ID", -1L, "DETAIL", name));
		mvc.perform(asAdmin(get("/admin/groups/" + group))).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(authentication(TestAccounts.authentication(admin))).with(csrf());
	}

	private static String uniqueName(String prefix) {
		return prefix + " " + System.nanoTime();
	}

	@Test
	void formWhenShownAgainFromAPostThenTheLanguageSwitchLinksToAPageThatAnswersAGet() throws Exception {
		long id = groups.create(admin.id(), uniqueName("Switch"));
		Map<String, String> shownAgain = Map.of("/admin/groups", "/admin/groups",
				"/admin/groups/" + id + "/members", "/admin/groups/" + id);

		for (Map.Entry<String, String> post : shownAgain.entrySet()) {
			String page = mvc.perform(asAdmin(post(post.getKey())).param(post.getKey().endsWith("members") ? "email"
					: "name", " "))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();

			String link = post.getValue() + "?lang=nl";
			assertThat(page).as(post.getKey()).contains("<a href=\"" + link + "\"");
			mvc.perform(asAdmin(get(link))).andExpect(status().isOk());
		}
	}

	private List<Long> members(long group) {
		return jdbc.queryForList("select account_id from user_group_member where group_id = ?", Long.class, group);
	}

	/**
	 * What this test's administrator did of one kind: about whom (-1 for nobody) and the group. Keys in upper case
	 * whatever case the database gives column names in (H2 upper, PostgreSQL lower).
	 */
	private List<Map<String, Object>> audited(String action) {
		return jdbc.query("""
				select coalesce(subject_account_id, -1) as subject_account_id, target from audit_event
				where actor_account_id = ? and action = ? order by id""",
				(row, index) -> Map.<String, Object>of("SUBJECT_ACCOUNT_ID", row.getLong("subject_account_id"), "DETAIL",
						row.getString("target")),
				admin.id(), action);
	}

}
