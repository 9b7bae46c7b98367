package io.securityinfo.sms.twilio;

import java.time.Duration;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

/**
 * For whole-app tests in other packages: the HTTP client the app's Twilio gateway would build with these time-outs,
 * except that it connects to a fake Twilio on 127.0.0.1. Give it to the context as a {@code @Primary} bean.
 */
public final class LocalTwilio {

	public static final String ACCOUNT_SID = TwilioSmsGatewayTests.ACCOUNT_SID;

	public static final String AUTH_TOKEN = TwilioSmsGatewayTests.AUTH_TOKEN;

	public static final String FROM = TwilioSmsGatewayTests.FROM;

	public static final String MESSAGES = TwilioSmsGatewayTests.MESSAGES;

	private LocalTwilio() {
	}

	public static HttpClient httpClient(int port, Duration connectTimeout, Duration readTimeout) {
		TwilioProperties properties = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, FROM, null, connectTimeout,
				readTimeout);
		HttpHost local = new HttpHost("http", "127.0.0.1", port);
		return new NetworkHttpClient(TwilioConfiguration.httpClientBuilder(properties)
			.setRoutePlanner((target, context) -> new HttpRoute(local)));
	}

}
