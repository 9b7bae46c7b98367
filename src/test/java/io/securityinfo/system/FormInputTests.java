package io.securityinfo.system;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;

/**
 * Form input no page offers: list indexes out of range, unknown ids and choices, and confirmations that race. The
 * answer is a 400 page or the form with a message beside the field; never a 500, never a Java name.
 */
@AppTest
class FormInputTests extends PolicyFixture {

	SignedInUser employee;

	@BeforeEach
	void createPeople() {
		employee = newEmployee();
	}

	@ParameterizedTest
	@CsvSource({ "/admin/methods, methods[-1].enabled, true", "/admin/methods, methods[300].enabled, true",
			"/admin/methods, methods[0].groupIds[500], 1", "/admin/two-step, groupIds[500], 1",
			"/admin/two-step, groupIds[-1], 1", "/admin/questions, enabledIds[300], 1",
			"/admin/questions, enabledIds[-1], 1" })
	void adminFormWhenListIndexIsOutOfRangeThenBadRequestPage(String path, String name, String value)
			throws Exception {
		MockHttpServletResponse response = perform(post(path).param(name, value).with(signedIn(admin)));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("The form could not be read")
			.doesNotContain("java.", "Exception", "org.springframework");
	}

	@ParameterizedTest
	@CsvSource({ "/security-info/security-questions, answers[256].answer", "/security-info/security-questions, "
			+ "answers[-1].answer", "/password-reset/verify/questions, answers[256].answer" })
	void answersWhenListIndexIsOutOfRangeThenBadRequestPage(String path, String name) throws Exception {
		MockHttpServletResponse response = perform(post(path).param(name, "blue").with(signedIn(employee)));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).doesNotContain("java.", "Exception", "org.springframework");
	}

	@Test
	void anyRequestWhenAParameterHoldsANulCharacterThenBadRequestBeforeAnythingReadsIt() throws Exception {
		// PostgreSQL refuses text with a NUL: the group name reached it and answered 500.
		assertThat(perform(post("/admin/groups").param("name", "a\u0000b").with(signedIn(admin))).getStatus())
			.isEqualTo(400);
		assertThat(perform(post("/login").param("username", "a\u0000b").param("password", "x")).getStatus())
			.isEqualTo(400);
	}

	@Test
	void errorPageWhenRequestedDirectlyThenNotFoundRatherThan500() throws Exception {
		assertThat(mvc.perform(get("/error"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(perform(post("/error").with(signedIn(employee))).getStatus()).isEqualTo(404);
	}

	@Test
	void methodPolicyWhenGroupIsUnknownThenTheFormSaysSoBesideTheField() throws Exception {
		MockHttpServletResponse response = perform(post("/admin/methods").param("methods[0].method", "SMS")
			.param("methods[0].enabled", "true")
			.param("methods[0].target", "GROUPS")
			.param("methods[0].groupIds[0]", "987654321")
			.with(signedIn(admin)));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("One of the groups chosen no longer exists.");
	}

	@Test
	void twoStepPolicyWhenGroupIsUnknownThenTheFormSaysSoBesideTheField() throws Exception {
		MockHttpServletResponse response = perform(post("/admin/two-step").param("required", "true")
			.param("target", "GROUPS")
			.param("groupIds[0]", "987654321")
			.with(signedIn(admin)));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("One of the groups chosen no longer exists.");
	}

	@Test
	void methodPolicyWhenMethodIsUnknownThenTheFormSaysSoWithoutAJavaName() throws Exception {
		MockHttpServletResponse response = perform(post("/admin/methods").param("methods[0].method", "NOPE")
			.param("methods[0].enabled", "true")
			.with(signedIn(admin)));

		assertThat(response.getStatus()).isIn(200, 400);
		assertThat(response.getContentAsString()).doesNotContain("java.", "Exception", "io.securityinfo.",
				"AuthenticationMethod");
	}

	@Test
	void phoneFormWhenModeIsUnknownThenTheFormSaysSoBesideTheFieldWithoutAJavaName() throws Exception {
		MockHttpServletResponse response = perform(post("/security-info/phone").param("region", "NL")
			.param("number", TestPhoneNumbers.national(TestPhoneNumbers.nextDutchMobile()))
			.param("mode", "FAX")
			.with(signedIn(employee)));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("Choose whether we text or call you.")
			.doesNotContain("java.", "Exception", "io.securityinfo.", "MethodMode");
	}

	@Test
	void confirmWhenTwoAddPhoneChallengesAreConfirmedAtOnceThenOneRegistersAndTheOthersSeeAlreadyRegistered()
			throws Exception {
		int challenges = 6;
		List<String> ids = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < challenges; i++) {
			String number = TestPhoneNumbers.nextDutchMobile();
			MockHttpServletResponse sent = perform(post("/security-info/phone").param("region", "NL")
				.param("number", TestPhoneNumbers.national(number))
				.param("mode", "TEXT")
				.with(signedIn(employee)));
			assertThat(sent.getStatus()).isEqualTo(302);
			String codePage = sent.getRedirectedUrl();
			ids.add(codePage.substring(codePage.lastIndexOf('/') + 1));
			codes.add(sms.lastCodeTo(number));
		}
		ExecutorService pool = Executors.newFixedThreadPool(challenges);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < challenges; i++) {
				String id = ids.get(i);
				String code = codes.get(i);
				answers.add(pool.submit(() -> {
					start.await();
					return perform(post("/security-info/phone/challenges/" + id).param("code", code)
						.with(signedIn(employee)));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			int registered = 0;
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get(30, TimeUnit.SECONDS);
				statuses.add(response.getStatus());
				if (response.getStatus() == 302) {
					registered++;
				}
				else {
					assertThat(response.getContentAsString()).contains("You have already added a phone.");
				}
			}
			assertThat(statuses).containsOnly(200, 302);
			assertThat(registered).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select count(*) from security_method where account_id = ? and type = 'PHONE'",
				Long.class, employee.id()))
			.isEqualTo(1);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf())).andReturn().getResponse();
	}

}
