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

import io.securityinfo.AppFixture;
import io.securityinfo.TwoConnectionsAppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * A change's notification is written on the change's own connection and mailed after the commit without one. With
 * two connections in the pool, a notification that needed a second one while the change's was still held would
 * wait for the timeout and fail, as a burst of changes made it do under load.
 */
@TwoConnectionsAppTest
class ChangeNotificationsConnectionTests extends AppFixture {

	private static final int PEOPLE = 6;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	DataSource dataSource;

	@Test
	void registerWhenOnlyOneConnectionIsFreeThenTheMethodIsStoredAndTheNoticeMailed() throws Exception {
		SignedInUser person = newEmployee();

		try (Connection taken = dataSource.getConnection()) {
			securityInfo.register(person.id(), "PHONE", "+31655920001", PhoneModes.TEXT);
		}

		assertThat(securityInfo.count(person.id())).isEqualTo(1);
		assertThat(email.sentTo(person.email())).singleElement()
			.satisfies(sent -> assertThat(sent.subject()).isEqualTo("Your security info was changed"));
	}

	@Test
	void registerWhenMorePeopleThanConnectionsChangeAtOnceThenEveryChangeIsStoredAndMailed() throws Exception {
		List<SignedInUser> people = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			people.add(newEmployee());
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
			assertThat(email.sentTo(person.email())).hasSize(1);
		}
	}

}
