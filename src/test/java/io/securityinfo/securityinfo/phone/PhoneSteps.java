package io.securityinfo.securityinfo.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.securityinfo.phone.TestPhone;
import io.securityinfo.sms.CapturingSmsGateway;

/**
 * The steps of the phone pages (Phone, Alternate phone, Office phone, by their slug in the path) as a person takes
 * them over MockMvc: type the number and choose text or call, read the code from what the capturing SMS gateway
 * sent, post it back. {@code person} is who takes the step: {@code Pages.signedIn(user)}, or a session of a real
 * sign-in. A bean of {@code TestBeans}; tests autowire it as they do MockMvc.
 */
public final class PhoneSteps {

	private final ObjectProvider<MockMvc> mvc;

	private final CapturingSmsGateway sms;

	public PhoneSteps(ObjectProvider<MockMvc> mvc, CapturingSmsGateway sms) {
		this.mvc = mvc;
		this.sms = sms;
	}

	/** The number form of the type's page as posted: the region, the number as typed, text or call. */
	public static MockHttpServletRequestBuilder numberForm(String slug, String region, String number, String mode) {
		return numberForm("/security-info/" + slug, region, number, mode, null);
	}

	/** The number form with a Dutch number, and the office phone's extension unless it is null. */
	public static MockHttpServletRequestBuilder numberForm(String slug, TestPhone phone, String mode,
			String extension) {
		return numberForm("/security-info/" + slug, "NL", phone.national(), mode, extension);
	}

	/** The form of Change on the type's page, with a Dutch number (and an extension unless it is null). */
	public static MockHttpServletRequestBuilder changeForm(String slug, TestPhone phone, String mode,
			String extension) {
		return numberForm("/security-info/" + slug + "/change", "NL", phone.national(), mode, extension);
	}

	private static MockHttpServletRequestBuilder numberForm(String path, String region, String number, String mode,
			String extension) {
		MockHttpServletRequestBuilder form = post(path).param("region", region)
			.param("number", number)
			.param("mode", mode);
		if (extension != null) {
			form.param("extension", extension);
		}
		return form.with(csrf());
	}

	/** The code page's form as posted with this code. */
	public static MockHttpServletRequestBuilder codeForm(String slug, String challengeId, String code) {
		return post("/security-info/{slug}/challenges/{id}", slug, challengeId).param("code", code).with(csrf());
	}

	/** The code page's "Send a new code", as posted. */
	public static MockHttpServletRequestBuilder resendForm(String slug, String challengeId) {
		return post("/security-info/{slug}/challenges/{id}/resend", slug, challengeId).with(csrf());
	}

	/** The challenge id of the code page a sent number form redirected to. */
	public static String challengeIdOf(MvcResult sent) {
		String codePage = sent.getResponse().getRedirectedUrl();
		assertThat(codePage).contains("/challenges/");
		return codePage.substring(codePage.lastIndexOf('/') + 1);
	}

	/** Sends the form (a number form or Change) and answers the challenge id of the code page it redirects to. */
	public String sendCode(RequestPostProcessor person, MockHttpServletRequestBuilder form) throws Exception {
		return challengeIdOf(mvc.getObject()
			.perform(form.with(person))
			.andExpect(status().is3xxRedirection())
			.andReturn());
	}

	/** Asks for a code to the number on the type's page; answers the challenge id of the code page. */
	public String sendCode(RequestPostProcessor person, String slug, TestPhone phone, String mode, String extension)
			throws Exception {
		MvcResult sent = mvc.getObject()
			.perform(numberForm(slug, phone, mode, extension).with(person))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).startsWith("/security-info/" + slug + "/challenges/");
		return challengeIdOf(sent);
	}

	public String sendCode(RequestPostProcessor person, String slug, TestPhone phone, String mode) throws Exception {
		return sendCode(person, slug, phone, mode, null);
	}

	/** The challenge's code page, where the person enters the code. */
	public ResultActions codePage(RequestPostProcessor person, String slug, String challengeId) throws Exception {
		return mvc.getObject().perform(get("/security-info/{slug}/challenges/{id}", slug, challengeId).with(person));
	}

	/** The challenge's done page, which confirms what the code proved. */
	public ResultActions donePage(RequestPostProcessor person, String slug, String challengeId) throws Exception {
		return mvc.getObject()
			.perform(get("/security-info/{slug}/challenges/{id}/done", slug, challengeId).with(person));
	}

	/** Posts this code on the challenge's code page. */
	public ResultActions enterCode(RequestPostProcessor person, String slug, String challengeId, String code)
			throws Exception {
		return mvc.getObject().perform(codeForm(slug, challengeId, code).with(person));
	}

	/** Enters the code the last text or call to the number brought; the challenge's done page follows. */
	public void enterTheCode(RequestPostProcessor person, String slug, String challengeId, TestPhone phone)
			throws Exception {
		enterCode(person, slug, challengeId, sms.lastCodeTo(phone.e164()))
			.andExpect(redirectedUrl("/security-info/" + slug + "/challenges/" + challengeId + "/done"));
	}

	/** Registers the number as the type's phone through its pages; answers the challenge id it was proven by. */
	public String register(RequestPostProcessor person, String slug, TestPhone phone, String mode, String extension)
			throws Exception {
		String challengeId = sendCode(person, slug, phone, mode, extension);
		enterTheCode(person, slug, challengeId, phone);
		return challengeId;
	}

	public String register(RequestPostProcessor person, String slug, TestPhone phone, String mode) throws Exception {
		return register(person, slug, phone, mode, null);
	}

}
