package io.securityinfo.securityinfo.questions;

import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.policy.AuthenticationMethod;

/**
 * Security questions: answers only the person knows, to reset a password. They prove nothing a stranger could not
 * find out, so they never sign anyone in and are never the default. The stored detail is how many questions were
 * answered; the answers themselves are {@link SecurityAnswer}s.
 */
@Component
class SecurityQuestionsMethodType implements MethodType {

	static final String ID = "SECURITY_QUESTIONS";

	private final MessageSource messages;

	SecurityQuestionsMethodType(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int rank() {
		return 60;
	}

	@Override
	public List<MethodMode> signInModes() {
		return List.of();
	}

	/** No mode to switch on, so the policy switches the type itself. */
	@Override
	public boolean isAllowed(Set<AuthenticationMethod> allowed) {
		return allowed.contains(AuthenticationMethod.SECURITY_QUESTIONS);
	}

	@Override
	public String addPath() {
		return SecurityQuestionsController.PAGE;
	}

	@Override
	public String changePath(long methodId) {
		return SecurityQuestionsController.PAGE + "/change";
	}

	/** "3 questions answered", in the reader's language. */
	@Override
	public String displayDetail(String storedDetail) {
		return messages.getMessage("questions.detail", new Object[] { Integer.valueOf(storedDetail) },
				LocaleContextHolder.getLocale());
	}

	/** Only the count: an answer, even hashed, never goes to the audit log. */
	@Override
	public String maskedDetail(String storedDetail) {
		return storedDetail + " answers";
	}

}
