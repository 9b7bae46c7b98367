package io.securityinfo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * A change's notification is written on the change's own connection and mailed after the commit without one. The
 * pool here has two connections (Flyway needs two at start-up) and a short timeout, so a notification that needed a
 * second connection while the change's was still held would wait for the timeout and fail, as a burst of changes
 * made it do under load.
 */
@AppTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=2000" })
class ChangeNotificationsConnectionTests {

	private static final int PEOPLE = 6;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	CapturingEmailGateway mail;

	@Autowired
	DataSource dataSource;

	@Test
	void registerWhenOnlyOneConnectionIsFreeThenTheMethodIsStoredAndTheNoticeMailed() throws Exception {
		SignedInUser person = TestAccounts.newEmployee(accounts, users);

		try (Connection taken = dataSource.getConnection()) {
			securityInfo.register(person.id(), "PHONE", "+31655920001", PhoneModes.TEXT);
		}

		assertThat(securityInfo.count(person.id())).isEqualTo(1);
		assertThat(mail.sentTo(person.email())).singleElement()
			.satisfies(sent -> assertThat(sent.subject()).isEqualTo("Your security info was changed"));
	}

	@Test
	void registerWhenMorePeopleThanConnectionsChangeAtOnceThenEveryChangeIsStoredAndMailed() throws Exception {
		List<SignedInUser> people = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			people.add(TestAccounts.newEmployee(accounts, users));
		}
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(PEOPLE);
		try {
			List<Future<?>> changes = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				long account = people.get(i).id();
				String phone = "+3165593%04d".formatted(i);
				changes.add(executor.submit(() -> {
					if (!go.await(10, TimeUnit.SECONDS)) {
						throw new IllegalStateException("Not released");
					}
					return securityInfo.register(account, "PHONE", phone, PhoneModes.TEXT);
				}));
			}
			go.countDown();
			for (Future<?> change : changes) {
				change.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}

		for (SignedInUser person : people) {
			assertThat(securityInfo.count(person.id())).isEqualTo(1);
			assertThat(mail.sentTo(person.email())).hasSize(1);
		}
	}

}
