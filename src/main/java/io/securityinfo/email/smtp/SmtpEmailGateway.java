package io.securityinfo.email.smtp;

import java.util.Arrays;

import jakarta.mail.SendFailedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.securityinfo.email.EmailAddresses;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.email.EmailGateway;

/**
 * Plain-text email through an SMTP server. What goes wrong is logged as one line with the kind of failure and the
 * address masked; neither the message, with the one-time code in it, nor the server's own words, which can quote
 * the whole address, are logged.
 */
class SmtpEmailGateway implements EmailGateway {

	private static final Logger log = LoggerFactory.getLogger(SmtpEmailGateway.class);

	private final JavaMailSender mailSender;

	private final String from;

	/** @param from the sender, already checked to be an address ("Security info &lt;no-reply@example.com&gt;") */
	SmtpEmailGateway(JavaMailSender mailSender, String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	@Override
	public void send(String to, String subject, String body) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		try {
			mailSender.send(message);
			log.debug("The SMTP server took the email to {}", EmailAddresses.mask(to));
		}
		catch (MailException ex) {
			String failure = failure(ex);
			log.warn("The SMTP server did not take the email to {}: {}", EmailAddresses.mask(to), failure);
			throw new EmailDeliveryException("The SMTP server did not take the email: " + failure,
					!refusedThisEmail(ex), ex);
		}
	}

	/**
	 * Whether the server answered and refused this email (its recipient, say) or the message could not be made,
	 * rather than the server being out of reach, slow, or refusing the app's sign-in.
	 */
	private static boolean refusedThisEmail(MailException ex) {
		if (ex instanceof MailParseException || ex instanceof MailPreparationException) {
			return true;
		}
		return ex instanceof MailSendException send && Arrays.stream(send.getMessageExceptions())
			.anyMatch(SendFailedException.class::isInstance);
	}

	/**
	 * The kind of failure an operator looks up: a refused recipient or a lost connection is kept per message, not
	 * as the cause, when the server answered the connection.
	 */
	private static String failure(MailException ex) {
		Throwable cause = ex;
		if (ex instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			cause = send.getMessageExceptions()[0];
		}
		return NestedExceptionUtils.getMostSpecificCause(cause).getClass().getSimpleName();
	}

}
