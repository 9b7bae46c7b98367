package io.securityinfo.totp;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AuthenticatorAppRepository extends JpaRepository<AuthenticatorApp, Long> {

	Optional<AuthenticatorApp> findByMethodIdAndAccountId(long methodId, long accountId);

	/**
	 * The app, locked until the transaction ends: checks of its codes run one at a time, each on the counts and
	 * the last accepted step the one before left.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from AuthenticatorApp a where a.methodId = :methodId and a.accountId = :accountId")
	Optional<AuthenticatorApp> findForUpdate(long methodId, long accountId);

}
