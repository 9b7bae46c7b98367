package io.securityinfo.passwordreset;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordResetRepository extends JpaRepository<PasswordReset, String> {

	long countByEmailDigestAndCreatedAtAfter(String emailDigest, Instant since);

	long countByClientIpAndCreatedAtAfter(String clientIp, Instant since);

}
