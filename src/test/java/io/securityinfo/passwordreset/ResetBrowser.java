package io.securityinfo.passwordreset;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One anonymous visitor going through "Get back into your account" over MockMvc: one session, and a client address
 * of their own, so that the per-address limit of one test does not count another's resets.
 */
final class ResetBrowser {

	private static final AtomicInteger addresses = new AtomicInteger();

	private final MockMvc mvc;

	private final String clientIp;

	private final MockHttpSession session = new MockHttpSession();

	ResetBrowser(MockMvc mvc) {
		this(mvc, nextClientIp());
	}

	ResetBrowser(MockMvc mvc, String clientIp) {
		this.mvc = mvc;
		this.clientIp = clientIp;
	}

	static String nextClientIp() {
		int n = addresses.incrementAndGet();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

	ResultActions get(String path) throws Exception {
		return perform(MockMvcRequestBuilders.get(path));
	}

	ResultActions post(String path, String... namesAndValues) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.with(csrf());
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return perform(request);
	}

	/** The GET after a POST's redirect, with the flash it left, as the browser makes it. */
	ResultActions follow(ResultActions posted) throws Exception {
		MvcResult result = posted.andReturn();
		return perform(MockMvcRequestBuilders.get(result.getResponse().getRedirectedUrl())
			.flashAttrs(result.getFlashMap()));
	}

	ResultActions startFor(String email) throws Exception {
		return post("/password-reset", "email", email);
	}

	ResultActions sendCode(String option, String destination) throws Exception {
		return post("/password-reset/verify/" + option, "destination", destination);
	}

	ResultActions enterCode(String option, String code) throws Exception {
		return post("/password-reset/verify/" + option + "/code", "code", code);
	}

	ResultActions answer(List<Long> questions, List<String> answers) throws Exception {
		String[] fields = new String[questions.size() * 4];
		for (int i = 0; i < questions.size(); i++) {
			fields[4 * i] = "answers[" + i + "].questionId";
			fields[4 * i + 1] = String.valueOf(questions.get(i));
			fields[4 * i + 2] = "answers[" + i + "].answer";
			fields[4 * i + 3] = answers.get(i);
		}
		return post("/password-reset/verify/questions", fields);
	}

	ResultActions choosePassword(String password, String confirmation) throws Exception {
		return post("/password-reset/new-password", "newPassword", password, "confirmPassword", confirmation);
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.session(session).with(r -> {
			r.setRemoteAddr(clientIp);
			return r;
		}));
	}

}
