package io.securityinfo.email;

/**
 * The outside service that delivers email. One implementation is active, chosen by {@code app.email.provider}:
 * the console (the default), or an SMTP server.
 */
public interface EmailGateway {

	/**
	 * Sends a plain-text email from the configured sender.
	 * @param to the address, as the person proved it
	 * @throws EmailDeliveryException when the mail server refuses the message or cannot be reached
	 */
	void send(String to, String subject, String body);

}
