package io.securityinfo.policy;

import static io.securityinfo.securityinfo.phone.PhoneModes.SMS;
import static io.securityinfo.securityinfo.phone.PhoneModes.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.PolicyFixture;

@AppTest
class MethodPolicyTests extends PolicyFixture {

	SignedInUser member;

	SignedInUser nonMember;

	@BeforeEach
	void createPeople() {
		member = newEmployee();
		nonMember = newEmployee();
	}

	@Test
	void allowedForWhenPolicyIsTheDefaultThenEveryMethodIsAllowed() {
		assertThat(phoneMethodsAllowedFor(member.id())).containsExactlyInAnyOrder(SMS, VOICE);
		assertThat(methodPolicy.settings()).filteredOn(setting -> setting.method().equals(SMS) || setting.method().equals(VOICE))
			.containsExactly(TestPolicies.onForAllUsers(SMS),
				TestPolicies.onForAllUsers(VOICE));
	}

	@Test
	void allowedForWhenSmsIsSwitchedOffThenOnlyVoiceIsAllowed() {
		methodPolicy.save(admin.id(), List.of(TestPolicies.off(SMS), TestPolicies.onForAllUsers(VOICE)));

		assertThat(phoneMethodsAllowedFor(member.id())).containsExactly(VOICE);
		assertThat(jdbc.queryForObject("select enabled from method_policy where method = 'SMS'", Boolean.class))
			.isFalse();
	}

	@Test
	void allowedForWhenSmsIsOnOnlyForAGroupThenMembersMayUseItAndOthersMayNot() {
		long group = groupWith(member);

		methodPolicy.save(admin.id(), List.of(TestPolicies.onlyForGroups(SMS, group)));

		assertThat(phoneMethodsAllowedFor(member.id())).containsExactlyInAnyOrder(SMS, VOICE);
		assertThat(phoneMethodsAllowedFor(nonMember.id())).containsExactly(VOICE);
		assertThat(jdbc.queryForList("select group_id from method_policy_group where method = 'SMS'", Long.class))
			.containsExactly(group);
	}

	@Test
	void allowedForWhenMemberIsRemovedFromTheGroupThenSmsIsNoLongerAllowed() {
		long group = groupWith(member);
		methodPolicy.save(admin.id(), List.of(TestPolicies.onlyForGroups(SMS, group)));

		groups.removeMember(admin.id(), group, member.id());

		assertThat(phoneMethodsAllowedFor(member.id())).containsExactly(VOICE);
	}

	@Test
	void allowedForWhenTheGroupIsDeletedThenSmsIsNoLongerAllowedForItsFormerMembers() {
		long group = groupWith(member);
		methodPolicy.save(admin.id(), List.of(TestPolicies.onlyForGroups(SMS, group)));

		groups.delete(admin.id(), group);

		assertThat(phoneMethodsAllowedFor(member.id())).containsExactly(VOICE);
		assertThat(jdbc.queryForObject("select count(*) from method_policy_group where group_id = ?", Integer.class,
				group))
			.isZero();
	}

	@Test
	void saveWhenOnlyOneMethodChangesThenOnlyThatChangeIsAudited() {
		methodPolicy.save(admin.id(), List.of(TestPolicies.off(SMS), TestPolicies.onForAllUsers(VOICE)));

		assertThat(policyChangesBy(admin)).containsExactly("method=SMS&setting=OFF");

		methodPolicy.save(admin.id(), List.of(TestPolicies.off(SMS), TestPolicies.onForAllUsers(VOICE)));

		assertThat(policyChangesBy(admin)).as("saving the same settings again records nothing")
			.containsExactly("method=SMS&setting=OFF");
	}

	@Test
	void saveWhenAMethodIsTargetedAtAGroupThenTheAuditNamesTheGroup() {
		long group = groupWith(member);

		methodPolicy.save(admin.id(), List.of(TestPolicies.onlyForGroups(VOICE, group)));

		assertThat(policyChangesBy(admin)).containsExactly("method=VOICE&setting=ON_FOR_GROUPS&groups=" + group);
		assertThat(phoneMethodsAllowedFor(nonMember.id())).containsExactly(SMS);
	}

	private long groupWith(SignedInUser person) {
		long group = groups.create(admin.id(), "Group " + System.nanoTime());
		groups.addMember(admin.id(), group, person.email());
		return group;
	}

	private List<String> policyChangesBy(SignedInUser actor) {
		return jdbc.queryForList("""
				select facts from audit_event
				where actor_account_id = ? and action = 'METHOD_POLICY_CHANGED' order by id""", String.class,
				actor.id());
	}

	/** The phone methods these tests switch; other methods stay on for everyone throughout. */
	private java.util.Set<AuthenticationMethod> phoneMethodsAllowedFor(long accountId) {
		java.util.Set<AuthenticationMethod> allowed = new java.util.LinkedHashSet<>();
		allowed.addAll(methodPolicy.allowedFor(accountId));
		allowed.retainAll(java.util.Set.of(SMS, VOICE));
		return allowed;
	}

}
