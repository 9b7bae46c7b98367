package io.securityinfo.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;

/**
 * The admin page's reading of the audit log: the filters turned into a query, and the people in a page of events
 * named by their emails, found in one query for the whole page.
 */
@Service
class AuditLogSearch {

	static final int PAGE_SIZE = 50;

	/** Beyond this the offset would no longer fit the database's paging; no log is that long in pages. */
	private static final int LAST_PAGE = 1_000_000;

	/** The days a date filter may name: those every supported database stores. */
	private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private final AuditLog auditLog;

	private final Accounts accounts;

	private final AuditWords words;

	AuditLogSearch(AuditLog auditLog, Accounts accounts, AuditWords words) {
		this.auditLog = auditLog;
		this.accounts = accounts;
		this.words = words;
	}

	/**
	 * The page of events the filters ask for. Filters that can match nothing are reported beside their fields and
	 * show no events: an email no account has, a last day before the first. The events are told in this language.
	 */
	@Transactional(readOnly = true)
	public AuditLogPage find(AuditLogFilter filter, Errors errors, int page, Locale locale) {
		rejectDayOutOfRange(filter.getFrom(), "from", errors);
		rejectDayOutOfRange(filter.getTo(), "to", errors);
		if (!errors.hasFieldErrors("from") && !errors.hasFieldErrors("to") && filter.getFrom() != null
				&& filter.getTo() != null && filter.getTo().isBefore(filter.getFrom())) {
			errors.rejectValue("to", "audit.filter.to.before-from");
		}
		Long accountId = null;
		if (!errors.hasFieldErrors("user") && filter.hasUser()) {
			accountId = accounts.findByEmail(filter.getUser()).map(AccountSummary::id).orElse(null);
			if (accountId == null) {
				errors.rejectValue("user", "audit.filter.user.unknown");
			}
		}
		if (errors.hasErrors()) {
			return AuditLogPage.invalidFilters();
		}
		int number = Math.min(Math.max(page, 0), LAST_PAGE);
		Slice<AuditLog.Entry> entries = auditLog.search(filter.toQuery(accountId), PageRequest.of(number, PAGE_SIZE));
		Map<Long, AccountSummary> people = people(entries);
		return new AuditLogPage(entries.map(entry -> row(entry, people, locale)).getContent(),
				entries.hasPrevious() ? filter.pageLink(number - 1) : null,
				entries.hasNext() ? filter.pageLink(number + 1) : null, true);
	}

	private static void rejectDayOutOfRange(LocalDate day, String field, Errors errors) {
		if (day != null && !errors.hasFieldErrors(field) && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
			errors.rejectValue(field, "audit.filter.date.invalid");
		}
	}

	private Map<Long, AccountSummary> people(Slice<AuditLog.Entry> entries) {
		Set<Long> ids = new HashSet<>();
		for (AuditLog.Entry entry : entries) {
			if (entry.actorAccountId() != null) {
				ids.add(entry.actorAccountId());
			}
			if (entry.subjectAccountId() != null) {
				ids.add(entry.subjectAccountId());
			}
		}
		return ids.isEmpty() ? Map.of() : accounts.summaries(ids);
	}

	private AuditLogPage.Row row(AuditLog.Entry entry, Map<Long, AccountSummary> people, Locale locale) {
		Function<Long, String> email = id -> id == null || !people.containsKey(id) ? null : people.get(id).email();
		return new AuditLogPage.Row(LocalDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC),
				entry.actorAccountId(), email.apply(entry.actorAccountId()), entry.subjectAccountId(),
				email.apply(entry.subjectAccountId()), entry.action(), words.describe(entry, locale),
				entry.clientIp());
	}

}
