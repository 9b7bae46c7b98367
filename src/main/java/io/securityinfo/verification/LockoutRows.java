package io.securityinfo.verification;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a person's lockout row on their first code check. In a transaction of its own, so that when two first
 * checks race, the loser's duplicate insert fails alone and its check goes on with the winner's row.
 */
@Component
class LockoutRows {

	private final LockoutRepository lockouts;

	private final TransactionTemplate ownTransaction;

	LockoutRows(LockoutRepository lockouts, PlatformTransactionManager transactionManager) {
		this.lockouts = lockouts;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void createIfAbsent(long accountId) {
		if (lockouts.existsById(accountId)) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(status -> lockouts.saveAndFlush(new Lockout(accountId)));
		}
		catch (DataIntegrityViolationException ex) {
			// Created by a concurrent check a moment ago: that row serves this check as well.
		}
	}

}
