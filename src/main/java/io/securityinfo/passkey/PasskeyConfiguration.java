package io.securityinfo.passkey;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.AppProperties;

/**
 * Spring Security's WebAuthn parts over the tables of V19, and the relying party: its id is {@code app.public-url}'s
 * host, its origins that URL's origin ({@link RelyingPartyOrigins}).
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	@Bean
	PublicKeyCredentialCreationOptionsRepository passkeyCreationOptions() {
		return new SessionCreationOptions();
	}

	@Bean
	RelyingPartyOrigins relyingPartyOrigins(AppProperties app) {
		return new RelyingPartyOrigins(app.publicUrl());
	}

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities,
			UserCredentialRepository credentials, AppProperties app, RelyingPartyOrigins origins,
			UserDetailsService users, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
			Clock clock, PasskeyProperties properties) {
		PublicKeyCredentialRpEntity relyingParty = PublicKeyCredentialRpEntity.builder()
			.id(app.publicHost())
			.name(properties.relyingPartyName())
			.build();
		return new PasskeyRelyingParty(userEntities, credentials, relyingParty, origins.allowed(), users,
				new TransactionTemplate(transactionManager), events, clock, properties.ceremonyTimeout());
	}

}
