package io.securityinfo.sms.twilio;

import java.net.URI;
import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * Where Twilio reports how far a text got, and the proof that a report comes from Twilio.
 * <p>
 * The address is built from {@code app.public-url}, never from the request: Twilio signs the URL it posted to
 * together with the form fields, and a request's Host header is whatever its sender wrote. Twilio is asked to
 * report only when the public URL is https, because it posts from the internet: it cannot reach the default
 * {@code http://localhost:8080}, and a report over plain http would cross the internet readable by anyone on the
 * way.
 */
final class StatusCallback {

	static final String PATH = "/sms/twilio/status";

	static final String SIGNATURE_HEADER = "X-Twilio-Signature";

	private final String url;

	private final boolean requested;

	private final RequestValidator validator;

	StatusCallback(URI publicUrl, String authToken) {
		this.url = publicUrl.toString().replaceAll("/+$", "") + PATH;
		this.requested = "https".equalsIgnoreCase(publicUrl.getScheme());
		this.validator = new RequestValidator(authToken);
	}

	/** The webhook's address as Twilio reaches it. */
	String url() {
		return url;
	}

	/** Whether texts ask Twilio to report to {@link #url()}: only when the public URL is https. */
	boolean requested() {
		return requested;
	}

	/**
	 * Checks the signature Twilio puts on every request it sends: an HMAC-SHA1, keyed with the account's auth
	 * token, of the URL it posted to and the form fields. A report without it, or with one that does not match,
	 * did not come from Twilio or was changed on the way.
	 * @param formFields the fields posted, each with its one value
	 * @param signature the {@value #SIGNATURE_HEADER} header, or null when there was none
	 */
	boolean isSignedByTwilio(Map<String, String> formFields, String signature) {
		return signature != null && validator.validate(url, formFields, signature);
	}

}
