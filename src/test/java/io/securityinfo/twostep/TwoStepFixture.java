package io.securityinfo.twostep;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * {@link AppFixture} for tests of the second step: a person and an administrator created before each test, and
 * two-step verification at sign-in back to not required after it ({@link TestPolicies#restoreTwoStep}).
 */
abstract class TwoStepFixture extends AppFixture {

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	SignedInUser admin;

	SignedInUser person;

	@BeforeEach
	void createAdminAndPerson() {
		admin = newAdmin();
		person = newEmployee();
	}

	@AfterEach
	void restoreTwoStepPolicy() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
	}

}
