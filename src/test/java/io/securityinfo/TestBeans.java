package io.securityinfo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.securityinfo.phone.PhoneSteps;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.system.TestClock;

/**
 * The outside world of a whole-app test: a clock that tests move, and an SMS and an email gateway that tests read;
 * and the steps of the phone pages over MockMvc ({@link PhoneSteps}, usable where the context has a MockMvc).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

	@Bean
	@Primary
	public TestClock testClock() {
		return newContextClock();
	}

	@Bean
	@Primary
	public CapturingSmsGateway capturingSmsGateway() {
		return new CapturingSmsGateway();
	}

	@Bean
	@Primary
	public CapturingEmailGateway capturingEmailGateway() {
		return new CapturingEmailGateway();
	}

	@Bean
	public PhoneSteps phoneSteps(ObjectProvider<MockMvc> mvc, CapturingSmsGateway sms) {
		return new PhoneSteps(mvc, sms);
	}

	/**
	 * The clock of a test context (for a context with a configuration of its own, too): it stands still until a
	 * test moves it, and {@link TestAccounts} issue the factors of a signed-in person at its time.
	 */
	public static TestClock newContextClock() {
		TestClock clock = new TestClock();
		TestAccounts.issueFactorsBy(clock);
		return clock;
	}

}
