package io.securityinfo.outbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;

/**
 * Present while the SMS or the email console gateway, or both, is the selected one (each is the default of its
 * setting). The outbox names both settings rather than asking the gateways, because its beans are registered
 * before theirs may exist.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnConsoleGateway.AnyConsoleGateway.class)
@interface ConditionalOnConsoleGateway {

	class AnyConsoleGateway extends AnyNestedCondition {

		AnyConsoleGateway() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "app.sms.provider", havingValue = "console", matchIfMissing = true)
		static class Sms {

		}

		@ConditionalOnProperty(name = "app.email.provider", havingValue = "console", matchIfMissing = true)
		static class Email {

		}

	}

}
