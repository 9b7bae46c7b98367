package io.securityinfo.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps what would have been sent, so a test can read the code like the person would, and can fail on demand. Each
 * text gets a made-up provider id ("SM-test-1", …), which a test can post a delivery report for.
 */
public class CapturingSmsGateway implements SmsGateway {

	public enum Kind {

		TEXT, CALL

	}

	/**
	 * @param messageId the provider id the text was answered with; null for a call
	 * @param language the language the call's voice speaks; null for a text
	 */
	public record Sent(Kind kind, String to, String text, String messageId, Locale language) {
	}

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private static final Pattern SPOKEN_CODE = Pattern.compile("is ((?:\\d, ){5}\\d)");

	private final List<Sent> sent = new ArrayList<>();

	private SmsDeliveryException nextFailure;

	/** Not reset by {@link #clear()}: the rows that name earlier ids stay in the database. */
	private int texts;

	@Override
	public synchronized SentMessage sendText(String to, String body) {
		failIfAsked();
		String messageId = "SM-test-" + ++texts;
		sent.add(new Sent(Kind.TEXT, to, body, messageId, null));
		return new SentMessage(messageId);
	}

	@Override
	public synchronized void placeCall(String to, String spokenText, Locale language) {
		failIfAsked();
		sent.add(new Sent(Kind.CALL, to, spokenText, null, language));
	}

	public synchronized List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** The code in the last text or call to this number, read from its words. */
	public synchronized String lastCodeTo(String e164) {
		for (int i = sent.size() - 1; i >= 0; i--) {
			Sent message = sent.get(i);
			if (message.to().equals(e164)) {
				Matcher spoken = SPOKEN_CODE.matcher(message.text());
				if (message.kind() == Kind.CALL && spoken.find()) {
					return spoken.group(1).replace(", ", "");
				}
				Matcher code = CODE.matcher(message.text());
				if (code.find()) {
					return code.group(1);
				}
			}
		}
		throw new AssertionError("Nothing was sent to " + e164 + "; sent: " + sent);
	}

	/** The provider id of the last text to this number, as a delivery report would name it. */
	public synchronized String lastMessageIdTo(String e164) {
		for (int i = sent.size() - 1; i >= 0; i--) {
			Sent message = sent.get(i);
			if (message.kind() == Kind.TEXT && message.to().equals(e164)) {
				return message.messageId();
			}
		}
		throw new AssertionError("No text was sent to " + e164 + "; sent: " + sent);
	}

	public synchronized void failNextWith(SmsDeliveryException failure) {
		this.nextFailure = failure;
	}

	public synchronized void clear() {
		sent.clear();
		nextFailure = null;
	}

	private void failIfAsked() {
		if (nextFailure != null) {
			SmsDeliveryException failure = nextFailure;
			nextFailure = null;
			throw failure;
		}
	}

}
