package io.securityinfo.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.securityinfo.groups.Groups;

/**
 * Fixtures for the policy, which is global: one per app, shared by every test of the cached context. A test that
 * changes it changes it for as short as it can and puts it back, whatever happens: with {@link #restoreDefaults}
 * when it ends, or around an {@link Action}.
 */
public final class TestPolicies {

	/** The phone settings of application.properties: all regions, 10 min, 5 attempts, 30 s, 5/h, 10/day. */
	public static final PhoneRules DEFAULT_PHONE_RULES = new PhoneRules(Set.of(), Duration.ofMinutes(10), 5,
			Duration.ofSeconds(30), 5, 10);

	/** Registration not required, 1 method, no reconfirmation, 14 days to skip. */
	public static final RegistrationRules DEFAULT_REGISTRATION_RULES = new RegistrationRules(false, 1, 0, 14);

	/** What a test does while the policy is changed. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	private TestPolicies() {
	}

	public static MethodPolicy.Setting onForAllUsers(AuthenticationMethod method) {
		return new MethodPolicy.Setting(method, true, true, Set.of());
	}

	public static MethodPolicy.Setting onlyForGroups(AuthenticationMethod method, Long... groupIds) {
		return new MethodPolicy.Setting(method, true, false, Set.of(groupIds));
	}

	public static MethodPolicy.Setting off(AuthenticationMethod method) {
		return new MethodPolicy.Setting(method, false, true, Set.of());
	}

	public static List<MethodPolicy.Setting> everyMethodForAllUsers(MethodPolicy methodPolicy) {
		return methodPolicy.methods().stream().map(TestPolicies::onForAllUsers).toList();
	}

	public static PhoneRules onlyRegions(String... regions) {
		PhoneRules defaults = DEFAULT_PHONE_RULES;
		return new PhoneRules(Arrays.stream(regions).collect(Collectors.toUnmodifiableSet()), defaults.codeLifetime(),
				defaults.maxWrongAttempts(), defaults.resendCooldown(), defaults.maxSendsPerNumberPerHour(),
				defaults.maxSendsPerUserPerDay());
	}

	/** Every method on for all users, the default phone settings and registration policy. */
	public static void restoreDefaults(long adminId, MethodPolicy methodPolicy, PhonePolicy phonePolicy,
			RegistrationPolicy registrationPolicy) {
		methodPolicy.save(adminId, everyMethodForAllUsers(methodPolicy));
		if (!phonePolicy.current().equals(DEFAULT_PHONE_RULES)) {
			phonePolicy.save(adminId, DEFAULT_PHONE_RULES);
		}
		if (!registrationPolicy.current().equals(DEFAULT_REGISTRATION_RULES)) {
			registrationPolicy.save(adminId, DEFAULT_REGISTRATION_RULES);
		}
	}

	/** Two-step verification at sign-in as configured for tests: not required. */
	public static void restoreTwoStep(long adminId, TwoStepPolicy twoStepPolicy) {
		if (twoStepPolicy.current().required()) {
			twoStepPolicy.save(adminId, new TwoStepRules(false, true, Set.of()));
		}
	}

	/**
	 * Runs the action with this authentication method on only for a new, empty group — off for everyone — and then
	 * restores every method's setting as it was and deletes the group.
	 */
	public static void withMethodOffForEveryone(MethodPolicy methodPolicy, Groups groups, long adminId,
			AuthenticationMethod method, Action action) throws Exception {
		List<MethodPolicy.Setting> before = methodPolicy.settings();
		long emptyGroup = groups.create(adminId, "nobody-" + method + "-" + System.nanoTime());
		methodPolicy.save(adminId, List.of(new MethodPolicy.Setting(method, true, false, Set.of(emptyGroup))));
		try {
			action.run();
		}
		finally {
			methodPolicy.save(adminId, before);
			groups.delete(adminId, emptyGroup);
		}
	}

}
