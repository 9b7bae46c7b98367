package io.securityinfo.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Creates the demo accounts of the embedded default, so a person trying the app can sign in at once. */
@Component
@ConditionalOnBooleanProperty("app.demo.enabled")
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "Passw0rd!";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final Accounts accounts;

	DemoAccounts(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		accounts.createIfAbsent("alice@example.com", "Alice Employee", PASSWORD, Role.EMPLOYEE);
		accounts.createIfAbsent("bob@example.com", "Bob Employee", PASSWORD, Role.EMPLOYEE);
		accounts.createIfAbsent("admin@example.com", "Ada Admin", PASSWORD, Role.ADMIN);
		log.info("Demo accounts alice@example.com, bob@example.com and admin@example.com are ready");
	}

}
