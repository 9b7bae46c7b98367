package io.securityinfo.users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.Accounts;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * "Require re-register", as when a phone is lost: every method of the person goes, and they must register
 * security info again at their next sign-in. Both or neither.
 */
@Service
class Reregistration {

	private final Accounts accounts;

	private final SecurityInfo securityInfo;

	Reregistration(Accounts accounts, SecurityInfo securityInfo) {
		this.accounts = accounts;
		this.securityInfo = securityInfo;
	}

	@Transactional
	public void require(long adminId, long accountId) {
		accounts.requireRegistration(adminId, accountId);
		securityInfo.deleteAll(adminId, accountId);
	}

}
