package io.securityinfo.sms.twilio;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.securityinfo.AppProperties;

/**
 * The Twilio gateway, present only while {@code app.sms.provider=twilio}. It builds its own
 * {@link TwilioRestClient} rather than calling the static {@code Twilio.init}, so the credentials and the HTTP
 * client stay in this context and a test can point the real SDK at a local fake.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTwilioGateway
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

	private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

	/**
	 * The HTTP client the SDK talks through. A test replaces it with one whose route planner connects to a local
	 * fake, because the SDK itself has no base-URL setting. In a {@code @SpringBootTest} this class is registered
	 * before the test's own configuration, so replace the bean by name ({@code @TestBean(name =
	 * "twilioHttpClient")}) or mark the test's one {@code @Primary}.
	 */
	@Bean
	@ConditionalOnMissingBean
	HttpClient twilioHttpClient(TwilioProperties properties) {
		return new NetworkHttpClient(httpClientBuilder(properties));
	}

	@Bean
	TwilioSmsGateway twilioSmsGateway(TwilioProperties properties, HttpClient twilioHttpClient,
			StatusCallback twilioStatusCallback) {
		properties.requireComplete();
		TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.httpClient(twilioHttpClient)
			.build();
		return new TwilioSmsGateway(client, properties.fromNumber(), properties.messagingServiceSid(),
				twilioStatusCallback.requested() ? twilioStatusCallback.url() : null);
	}

	/**
	 * The webhook's address and signature check. Says at start-up whether texts ask for delivery reports, since
	 * without them the code page cannot tell a person that a text did not arrive.
	 */
	@Bean
	StatusCallback twilioStatusCallback(TwilioProperties properties, AppProperties app) {
		properties.requireComplete();
		StatusCallback statusCallback = new StatusCallback(app.publicUrl(), properties.authToken());
		if (statusCallback.requested()) {
			log.info("Texts ask Twilio to report their delivery to {}", statusCallback.url());
		}
		else {
			log.info("Texts do not ask Twilio for delivery reports: app.public-url ({}) is not https, "
					+ "and Twilio can only report to an https address it reaches from the internet", app.publicUrl());
		}
		return statusCallback;
	}

	/**
	 * An Apache HttpClient builder with the configured time-outs. {@link NetworkHttpClient} puts the SDK's own
	 * request settings on every request it sends, and their 30.5 s connect time-out would win over the connection
	 * manager's; the first link of the execution chain puts ours back before the connection is made. (A request
	 * interceptor would be too late: it runs once the connection is open.) The same link reads the whole answer
	 * before it returns and aborts the exchange when {@code request-timeout} passes first, which closes its socket
	 * and so ends a read that would otherwise wait for the next trickle of bytes.
	 */
	static HttpClientBuilder httpClientBuilder(TwilioProperties properties) {
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			.setSocketTimeout(Timeout.of(properties.readTimeout()))
			.build();
		RequestConfig request = RequestConfig.custom()
			.setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
			.setResponseTimeout(Timeout.of(properties.readTimeout()))
			.build();
		return HttpClientBuilder.create()
			.useSystemProperties()
			.setConnectionManager(
					PoolingHttpClientConnectionManagerBuilder.create().setDefaultConnectionConfig(connection).build())
			.addExecInterceptorFirst("timeouts", (httpRequest, scope, chain) -> {
				scope.clientContext.setRequestConfig(request);
				// The SDK's request is cancellable: cancelling it closes the connection it is on, or refuses it one.
				ScheduledFuture<?> deadline = (scope.originalRequest instanceof Cancellable exchange)
						? DEADLINES.schedule(exchange::cancel, properties.requestTimeout().toMillis(),
								TimeUnit.MILLISECONDS)
						: null;
				try {
					ClassicHttpResponse response = chain.proceed(httpRequest, scope);
					HttpEntity entity = response.getEntity();
					if (entity != null) {
						response.setEntity(new ByteArrayEntity(EntityUtils.toByteArray(entity),
								ContentType.parseLenient(entity.getContentType())));
					}
					return response;
				}
				finally {
					if (deadline != null) {
						deadline.cancel(false);
					}
				}
			});
	}

	/** One daemon thread for every Twilio client's deadlines; a deadline met is removed at once. */
	private static ScheduledThreadPoolExecutor deadlines() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "twilio-request-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

}
