package io.securityinfo.policy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.groups.Groups;

/**
 * {@link AppFixture} for a test of the administrator's policy pages, or one that changes the policy, which is global
 * (one per app, shared by every test of the cached context): an administrator created before each test, and after it
 * every method on for all users, the default phone settings and the default registration policy again
 * ({@link TestPolicies#restoreDefaults}). Two-step verification at sign-in is not restored here: a test that changes
 * it restores it itself.
 */
public abstract class PolicyFixture extends AppFixture {

	@Autowired
	protected MethodPolicy methodPolicy;

	@Autowired
	protected PhonePolicy phonePolicy;

	@Autowired
	protected RegistrationPolicy registrationPolicy;

	@Autowired
	protected Groups groups;

	/** The administrator who changes the policy in this test. */
	protected SignedInUser admin;

	@BeforeEach
	void createPolicyAdministrator() {
		admin = newAdmin();
	}

	@AfterEach
	void restoreDefaultPolicy() {
		TestPolicies.restoreDefaults(admin.id(), methodPolicy, phonePolicy, registrationPolicy);
	}

}
