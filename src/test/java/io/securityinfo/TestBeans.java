package io.securityinfo;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.system.TestClock;

/**
 * The outside world of a whole-app test: a clock that tests move, and an SMS and an email gateway that tests read.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

	@Bean
	@Primary
	public TestClock testClock() {
		TestClock clock = new TestClock();
		TestAccounts.issueFactorsBy(clock);
		return clock;
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

}
