package io.securityinfo.audit;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows of the audit log for tests of the pages that read it, written as {@link AuditTrail} writes them, without the
 * change an event would stand for.
 */
public final class AuditRows {

	private AuditRows() {
	}

	/** A row of something a person did to their own account, with no facts besides the action. */
	public static void writeOwn(ApplicationContext context, long accountId, AuditAction action) {
		AuditTrail trail = context.getBean(AuditTrail.class);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> trail.write(accountId, accountId, action, AuditFacts.none()));
	}

}
