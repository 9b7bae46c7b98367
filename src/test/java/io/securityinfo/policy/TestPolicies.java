package io.securityinfo.policy;

import java.util.List;
import java.util.Set;

/**
 * Fixtures for the global policy. Every test of the shared context reads the same policy, so a test that changes it
 * changes it for as short as it can and puts it back, whatever happens.
 */
public final class TestPolicies {

	/** What a test does while the policy is changed. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	private TestPolicies() {
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
