package io.securityinfo;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violation;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of docs/architecture.md, checked by Spring Modulith: each direct sub-package of
 * {@code io.securityinfo} is a module, its top-level package is its API and its sub-packages are its internals, which
 * no other module may use; modules depend on each other without cycles.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(SecurityInfoApplication.class);

	/**
	 * Account writes audit rows and audit reads accounts: the one violation left until audit learns what happened
	 * from account's events (issue 14, item 3).
	 */
	private static final Predicate<Violation> ACCOUNT_AUDIT_CYCLE = violation -> Pattern
		.compile("Cycle detected: Slice account ->\\s+Slice audit ->\\s+Slice account\\s")
		.matcher(violation.getMessage())
		.lookingAt();

	@Test
	void verifyWhenModulesAreCheckedThenNoViolationButTheAccountAuditCycle() {
		Violations violations = modules.detectViolations();

		assertThat(violations.filter(ACCOUNT_AUDIT_CYCLE.negate()).getMessages()).isEmpty();
		assertThat(violations.hasViolations())
			.as("The account-audit cycle is gone: this test's body becomes modules.verify()")
			.isTrue();
	}

}
