package io.securityinfo.sms.twilio;

import java.util.function.IntSupplier;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * For whole-app tests in other packages: the HTTP client the app's Twilio gateway builds, with its configured
 * time-outs, except that it connects to a fake Twilio on 127.0.0.1, on the port the supplier gives at each request.
 * Give it to the context as a {@code @Primary} bean.
 */
public final class LocalTwilio {

	public static final String ACCOUNT_SID = TwilioSmsGatewayTests.ACCOUNT_SID;

	public static final String AUTH_TOKEN = TwilioSmsGatewayTests.AUTH_TOKEN;

	public static final String FROM = TwilioSmsGatewayTests.FROM;

	public static final String MESSAGES = TwilioSmsGatewayTests.MESSAGES;

	private LocalTwilio() {
	}

	/** With the time-outs the app is configured with ({@code app.sms.twilio.*} in this environment). */
	public static HttpClient httpClient(IntSupplier port, Environment environment) {
		TwilioProperties properties = Binder.get(environment).bindOrCreate("app.sms.twilio", TwilioProperties.class);
		return new NetworkHttpClient(TwilioConfiguration.httpClientBuilder(properties)
			.setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "127.0.0.1", port.getAsInt()))));
	}

}
