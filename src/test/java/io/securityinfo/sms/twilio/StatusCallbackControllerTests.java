package io.securityinfo.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import io.securityinfo.AppFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.VerificationCodes;

/**
 * Twilio's delivery reports through the webhook, with Twilio selected and the app reached at an https address:
 * only a request signed with the auth token for that address is recorded, on the text it names, and the code page
 * then tells the person. Texts still go to the capturing gateway, which answers with made-up message SIDs.
 */
@SpringBootTest(properties = { "app.sms.provider=twilio",
		"app.sms.twilio.account-sid=" + TwilioSmsGatewayTests.ACCOUNT_SID,
		"app.sms.twilio.auth-token=" + TwilioSmsGatewayTests.AUTH_TOKEN,
		"app.sms.twilio.from-number=" + TwilioSmsGatewayTests.FROM,
		"app.public-url=" + StatusCallbackTests.PUBLIC_URL,
		// The email gateway stays the console one at this public address: deliberate, for this test only.
		"app.dev.console-gateways-allowed=true" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@ExtendWith(OutputCaptureExtension.class)
class StatusCallbackControllerTests extends AppFixture {

	private static final String UNDELIVERED = "We couldn't deliver the text. Try Call me or check the number.";

	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	VerificationCodes codes;

	SignedInUser person;

	String number;

	ChallengeView challenge;

	String messageSid;

	@BeforeEach
	void textACode() {
		person = newEmployee();
		number = "+316123460%02d".formatted(numbers.incrementAndGet());
		challenge = codes.start(person.id(), Channel.SMS, number);
		messageSid = sms.lastMessageIdTo(number);
	}

	@Test
	void reportWhenSignedByTwilioThenStatusAndErrorCodeAreRecordedOnTheTextWithoutASession() throws Exception {
		Map<String, String> report = report(messageSid, "undelivered", "30003");

		MvcResult result = mvc.perform(signed(report)).andExpect(status().isOk()).andReturn();

		assertThat(delivery(messageSid)).isEqualTo(new Delivery("UNDELIVERED", "30003", clock.instant()));
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void reportWhenSignatureIsMissingThenForbiddenAndNothingRecorded(CapturedOutput output) throws Exception {
		mvc.perform(unsigned(report(messageSid, "delivered", null))).andExpect(status().isForbidden());

		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
		assertThat(output.getAll()).contains("Refused a Twilio status report from 127.0.0.1: no signature")
			.doesNotContain(TwilioSmsGatewayTests.AUTH_TOKEN);
	}

	@Test
	void reportWhenAFieldWasChangedAfterSigningThenForbiddenAndNothingRecorded(CapturedOutput output)
			throws Exception {
		String signature = TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN, StatusCallbackTests.URL,
				report(messageSid, "delivered", null));

		mvc.perform(unsigned(report(messageSid, "failed", "30008")).header("X-Twilio-Signature", signature))
			.andExpect(status().isForbidden());

		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
		assertThat(output.getAll())
			.contains("Refused a Twilio status report from 127.0.0.1: the signature does not match")
			.doesNotContain(number, TwilioSmsGatewayTests.AUTH_TOKEN);
	}

	@Test
	void reportWhenSignedForTheHostTheRequestNamesInsteadOfThePublicUrlThenForbidden() throws Exception {
		Map<String, String> report = report(messageSid, "delivered", null);
		String attackerUrl = "https://attacker.example/sms/twilio/status";

		mvc.perform(post(attackerUrl).formFields(form(report))
			.header("X-Twilio-Signature", TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN, attackerUrl, report)))
			.andExpect(status().isForbidden());

		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
	}

	@Test
	void reportWhenSignedWithAnotherAuthTokenThenForbidden() throws Exception {
		Map<String, String> report = report(messageSid, "delivered", null);

		mvc.perform(unsigned(report).header("X-Twilio-Signature",
				TwilioSignature.sign("not-the-auth-token", StatusCallbackTests.URL, report)))
			.andExpect(status().isForbidden());

		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
	}

	@Test
	void reportWhenAFieldIsPostedTwiceThenForbidden(CapturedOutput output) throws Exception {
		Map<String, String> report = report(messageSid, "delivered", null);

		mvc.perform(signed(report).formField("MessageStatus", "failed")).andExpect(status().isForbidden());

		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
		assertThat(output.getAll()).contains("Refused a Twilio status report from 127.0.0.1: a field posted twice");
	}

	@Test
	void reportWhenTextHasAFinalStatusThenLaterReportsDoNotReplaceIt() throws Exception {
		mvc.perform(signed(report(messageSid, "delivered", null))).andExpect(status().isOk());
		Instant recordedAt = clock.instant();
		clock.advance(Duration.ofSeconds(5));

		mvc.perform(signed(report(messageSid, "sent", null))).andExpect(status().isOk());
		mvc.perform(signed(report(messageSid, "failed", "30008"))).andExpect(status().isOk());

		assertThat(delivery(messageSid)).isEqualTo(new Delivery("DELIVERED", null, recordedAt));
	}

	@Test
	void reportWhenSameReportComesAgainThenFirstIsKept() throws Exception {
		mvc.perform(signed(report(messageSid, "undelivered", "30003"))).andExpect(status().isOk());
		Instant recordedAt = clock.instant();
		clock.advance(Duration.ofSeconds(5));

		mvc.perform(signed(report(messageSid, "undelivered", "30003"))).andExpect(status().isOk());

		assertThat(delivery(messageSid)).isEqualTo(new Delivery("UNDELIVERED", "30003", recordedAt));
	}

	@Test
	void reportWhenStatusesComeOutOfOrderThenTheLaterStatusStays() throws Exception {
		mvc.perform(signed(report(messageSid, "sent", null))).andExpect(status().isOk());

		mvc.perform(signed(report(messageSid, "queued", null))).andExpect(status().isOk());
		mvc.perform(signed(report(messageSid, "sending", null))).andExpect(status().isOk());
		assertThat(delivery(messageSid).status()).isEqualTo("SENT");

		mvc.perform(signed(report(messageSid, "delivered", null))).andExpect(status().isOk());
		assertThat(delivery(messageSid).status()).isEqualTo("DELIVERED");
	}

	@Test
	void reportWhenMessageSidIsUnknownThenOkAndNothingRecorded() throws Exception {
		long recordedBefore = recordedTexts();

		mvc.perform(signed(report("SM00000000000000000000000000000000", "delivered", null)))
			.andExpect(status().isOk());

		assertThat(recordedTexts()).isEqualTo(recordedBefore);
		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
	}

	@Test
	void reportWhenStatusIsNotOneTrackedThenOkAndNothingRecorded() throws Exception {
		mvc.perform(signed(report(messageSid, "accepted", null))).andExpect(status().isOk());
		mvc.perform(signed(report(messageSid, "read", null))).andExpect(status().isOk());

		assertThat(delivery(messageSid)).isEqualTo(Delivery.NONE);
	}

	@Test
	void webhookWhenNotPostedThenForbidden() throws Exception {
		mvc.perform(get(StatusCallbackTests.URL)).andExpect(status().isForbidden());
	}

	@Test
	void codePageWhenTwilioReportsTheTextUndeliveredThenSaysSoAndLinksToThePhonePage() throws Exception {
		assertThat(codePage()).doesNotContain(UNDELIVERED);

		mvc.perform(signed(report(messageSid, "undelivered", "30003"))).andExpect(status().isOk());

		assertThat(codePage()).contains(UNDELIVERED)
			.contains("<a href=\"/security-info/phone?challenge=" + challenge.id() + "\">Back to the phone number</a>");
	}

	@Test
	void codePageWhenTwilioReportsTheTextFailedThenSaysSo() throws Exception {
		mvc.perform(signed(report(messageSid, "failed", "30008"))).andExpect(status().isOk());

		assertThat(codePage()).contains(UNDELIVERED);
	}

	@Test
	void codePageWhenTheTextWasDeliveredThenSaysNothingAboutDelivery() throws Exception {
		mvc.perform(signed(report(messageSid, "delivered", null))).andExpect(status().isOk());

		assertThat(codePage()).doesNotContain(UNDELIVERED);
	}

	@Test
	void codePageWhenANewCodeWasSentAfterAnUndeliveredOneThenNoLongerSaysSo() throws Exception {
		mvc.perform(signed(report(messageSid, "undelivered", "30003"))).andExpect(status().isOk());
		clock.advance(Duration.ofSeconds(31));

		codes.resend(person.id(), challenge.id());

		assertThat(sms.lastMessageIdTo(number)).isNotEqualTo(messageSid);
		assertThat(codePage()).doesNotContain(UNDELIVERED);
	}

	private String codePage() throws Exception {
		String html = mvc
			.perform(get("/security-info/phone/challenges/" + challenge.id())
				.with(authentication(TestAccounts.authentication(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return HtmlUtils.htmlUnescape(html);
	}

	/** The fields Twilio posts about a text, in the order it posts them. */
	private Map<String, String> report(String sid, String messageStatus, String errorCode) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("AccountSid", TwilioSmsGatewayTests.ACCOUNT_SID);
		fields.put("ApiVersion", "2010-04-01");
		fields.put("From", TwilioSmsGatewayTests.FROM);
		fields.put("MessageSid", sid);
		fields.put("MessageStatus", messageStatus);
		fields.put("SmsSid", sid);
		fields.put("SmsStatus", messageStatus);
		fields.put("To", number);
		if (errorCode != null) {
			fields.put("ErrorCode", errorCode);
		}
		return fields;
	}

	/** As Twilio posts it: to the host the request names, signed for the public URL it was told. */
	private static MockHttpServletRequestBuilder signed(Map<String, String> report) {
		return unsigned(report).header("X-Twilio-Signature",
				TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN, StatusCallbackTests.URL, report));
	}

	private static MockHttpServletRequestBuilder unsigned(Map<String, String> report) {
		return post("/sms/twilio/status").formFields(form(report));
	}

	private static MultiValueMap<String, String> form(Map<String, String> report) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		report.forEach(form::add);
		return form;
	}

	private long recordedTexts() {
		return jdbc.queryForObject("select count(*) from verification_code where delivery_status is not null",
				Long.class);
	}

	private Delivery delivery(String sid) {
		List<Delivery> rows = jdbc.query("""
				select delivery_status, delivery_error_code, delivery_updated_at from verification_code
				where provider_message_id = ?""",
				(row, i) -> new Delivery(row.getString(1), row.getString(2),
						instant(row.getObject(3, OffsetDateTime.class))),
				sid);
		assertThat(rows).as("texts with message SID %s", sid).hasSize(1);
		return rows.get(0);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	record Delivery(String status, String errorCode, Instant updatedAt) {

		static final Delivery NONE = new Delivery(null, null, null);

	}

}
