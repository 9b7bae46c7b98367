package io.securityinfo.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps what would have been mailed, so a test can read the code like the person would, and can fail on demand. */
public class CapturingEmailGateway implements EmailGateway {

	public record Sent(String to, String subject, String body) {
	}

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private final List<Sent> sent = new ArrayList<>();

	private EmailDeliveryException nextFailure;

	@Override
	public synchronized void send(String to, String subject, String body) {
		if (nextFailure != null) {
			EmailDeliveryException failure = nextFailure;
			nextFailure = null;
			throw failure;
		}
		sent.add(new Sent(to, subject, body));
	}

	public synchronized List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** Everything mailed to this address, oldest first. */
	public synchronized List<Sent> sentTo(String address) {
		return sent.stream().filter(mail -> mail.to().equals(address)).toList();
	}

	/** The code in the last email to this address, read from its words. */
	public synchronized String lastCodeTo(String address) {
		List<Sent> mails = sentTo(address);
		if (mails.isEmpty()) {
			throw new AssertionError("Nothing was mailed to " + address + "; sent: " + sent);
		}
		Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
		if (!code.find()) {
			throw new AssertionError("No code in the last email to " + address);
		}
		return code.group(1);
	}

	public synchronized void failNextWith(EmailDeliveryException failure) {
		this.nextFailure = failure;
	}

}
