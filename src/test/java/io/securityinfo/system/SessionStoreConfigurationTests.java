package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.TestPropertySource;

import io.securityinfo.AppTest;

/** The session store of the real app, on H2 and (in the build's second pass) on PostgreSQL. */
@AppTest
// With the database sessions of the real app, which the test profile leaves out for the other MockMvc tests.
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
class SessionStoreConfigurationTests {

	private static final String TOKEN = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

	@Autowired
	SessionRepository<?> sessions;

	@Test
	void saveWhenTwoRequestsOfOneSessionAddTheSameAttributeThenBothAreSavedAndTheLastWins() {
		assertTwoRequestsAddingOneAttributeAreBothSaved(sessions);
	}

	/** Each request reads the session before the other has saved it, as two pages loaded at once do. */
	private static <S extends Session> void assertTwoRequestsAddingOneAttributeAreBothSaved(
			SessionRepository<S> sessions) {
		S created = sessions.createSession();
		sessions.save(created);
		S firstRequest = sessions.findById(created.getId());
		S secondRequest = sessions.findById(created.getId());

		firstRequest.setAttribute(TOKEN, "first");
		secondRequest.setAttribute(TOKEN, "second");
		sessions.save(firstRequest);
		sessions.save(secondRequest);

		assertThat(sessions.findById(created.getId()).<String>getAttribute(TOKEN)).isEqualTo("second");
	}

}
