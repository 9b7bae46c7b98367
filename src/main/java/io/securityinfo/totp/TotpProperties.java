package io.securityinfo.totp;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The authenticator app's key and names.
 *
 * @param encryptionKey the AES-256 key the apps' secrets are encrypted with, 32 bytes in Base64 (environment
 * variable APP_TOTP_ENCRYPTION_KEY); a secret: set it through the environment, never in a committed file
 * @param encryptionKeyFile where the embedded default keeps a generated key when {@code encryptionKey} is not set;
 * the postgres profile sets it empty, so that production cannot start without a key of its own
 * @param issuer the name the app shows above the account, and the first part of its label
 * @param enrolmentLifetime how long a person has from seeing the QR code to typing the app's first code
 */
@Validated
@ConfigurationProperties("app.totp")
record TotpProperties(String encryptionKey, Path encryptionKeyFile,
		@NotBlank @DefaultValue("Security info") String issuer,
		@NotNull @DefaultValue("15m") Duration enrolmentLifetime) {

	/** Keeps the key out of logs and failure messages that print these settings. */
	@Override
	public String toString() {
		return "TotpProperties[encryptionKey=" + (encryptionKey == null ? null : "******") + ", encryptionKeyFile="
				+ encryptionKeyFile + ", issuer=" + issuer + ", enrolmentLifetime=" + enrolmentLifetime + "]";
	}

}
