package io.securityinfo.policy;

import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.groups.Groups;

/** Admin → Two-step verification: require a second factor at sign-in, for all users or for groups. */
@AppTest
class TwoStepPolicyControllerTests extends AppFixture {

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	Groups groups;

	SignedInUser admin;

	@BeforeEach
	void createAdmin() {
		admin = newAdmin();
	}

	@AfterEach
	void restorePolicy() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
	}

	@Test
	void initFormWhenNothingSavedThenNotRequiredAsConfigured() throws Exception {
		mvc.perform(get("/admin/two-step").with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Two-step verification</h1>"))
			.andExpect(shows("Require two-step verification at sign-in"))
			.andExpect(shows("<input type=\"checkbox\" id=\"required1\" name=\"required\" value=\"true\">"));
		assertThat(twoStepPolicy.current().required()).isFalse();
	}

	@Test
	void saveWhenRequiredForAllUsersThenInForceForEveryoneAndAudited() throws Exception {
		SignedInUser person = newEmployee();

		mvc.perform(post("/admin/two-step").param("required", "true")
			.param("target", "ALL")
			.with(csrf())
			.with(signedIn(admin)))
			.andExpect(redirectedUrl("/admin/two-step"))
			.andExpect(flash().attribute("notice", "policy.two-step.saved"));

		assertThat(twoStepPolicy.appliesTo(person.id())).isTrue();
		assertThat(jdbc.queryForList("select facts from audit_event where actor_account_id = ? and action = ?",
				String.class, admin.id(), "TWO_STEP_POLICY_CHANGED"))
			.containsExactly("setting=REQUIRED_FOR_ALL");
	}

	@Test
	void saveWhenRequiredForAGroupThenOnlyItsMembers() throws Exception {
		SignedInUser member = newEmployee();
		SignedInUser other = newEmployee();
		long group = groups.create(admin.id(), "two-step-" + System.nanoTime());
		groups.addMember(admin.id(), group, member.email());

		mvc.perform(post("/admin/two-step").param("required", "true")
			.param("target", "GROUPS")
			.param("groupIds", String.valueOf(group))
			.with(csrf())
			.with(signedIn(admin))).andExpect(redirectedUrl("/admin/two-step"));

		assertThat(twoStepPolicy.appliesTo(member.id())).isTrue();
		assertThat(twoStepPolicy.appliesTo(other.id())).isFalse();
		assertThat(twoStepPolicy.current()).isEqualTo(new TwoStepRules(true, false, Set.of(group)));
	}

	@Test
	void saveWhenGroupsChosenButNoneSelectedThenMessageBesideTheFieldAndNothingSaved() throws Exception {
		mvc.perform(post("/admin/two-step").param("required", "true")
			.param("target", "GROUPS")
			.with(csrf())
			.with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("Choose at least one group, or apply the requirement to all users."));

		assertThat(twoStepPolicy.current().required()).isFalse();
	}

	@Test
	void pageWhenEmployeeThenForbidden() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/admin/two-step").with(signedIn(employee))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/two-step").param("required", "true").with(csrf()).with(signedIn(employee)))
			.andExpect(status().isForbidden());
		assertThat(twoStepPolicy.current().required()).isFalse();
	}

}
