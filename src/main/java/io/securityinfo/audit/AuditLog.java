package io.securityinfo.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what, when and from where: the reading of the audit log. Its rows are written by {@link AuditTrail}
 * alone, from the other modules' events, in the transaction of the change each describes.
 */
@Service
public class AuditLog {

	/**
	 * One recorded change, as pages read it; {@link AuditWords} tells it in the reader's language.
	 *
	 * @param methodType the method type it was about ({@code PHONE}); else null
	 * @param mode how a code came or a method signs in ({@code TEXT}, {@code CALL}, {@code APP_CODE},
	 * {@code EMAIL}); else null
	 * @param target what it was about, masked where it is a number or an address; else null
	 * @param facts further facts, {@code name=value&...}; else null
	 * @param detail the English text of a row older than its facts, shown as it is; else null
	 */
	public record Entry(Instant occurredAt, Long actorAccountId, Long subjectAccountId, AuditAction action,
			String methodType, String mode, String target, String facts, String detail, String clientIp) {
	}

	/** Events recorded in one transaction share their instant; the id keeps their order. */
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

	private final AuditEventRepository events;

	AuditLog(AuditEventRepository events) {
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<Entry> entriesFor(long subjectAccountId) {
		return events.findBySubjectAccountIdOrderByOccurredAtDescIdDesc(subjectAccountId)
			.stream()
			.map(AuditLog::entry)
			.toList();
	}

	/** The newest events about this account (as their subject), newest first: at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Entry> recentFor(long subjectAccountId, int limit) {
		return events.findBySubjectAccountIdOrderByOccurredAtDescIdDesc(subjectAccountId, Limit.of(limit))
			.stream()
			.map(AuditLog::entry)
			.toList();
	}

	/**
	 * One page of the events the query matches, newest first whatever the pageable's sort says. A slice, not a
	 * page: it reads one row more than the page holds to know whether there is an older page, and counts nothing.
	 */
	@Transactional(readOnly = true)
	public Slice<Entry> search(AuditQuery query, Pageable pageable) {
		Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST);
		Specification<AuditEvent> matching = matching(query);
		return events.findBy(matching, found -> found.slice(newestFirst)).map(AuditLog::entry);
	}

	/**
	 * Plain comparisons on the columns themselves, never a function of them, so that the database can use the
	 * index on (actor, time), (subject, time), (action, time) or (time) that fits the filter.
	 */
	private static Specification<AuditEvent> matching(AuditQuery query) {
		return (event, criteria, builder) -> {
			List<Predicate> conditions = new ArrayList<>();
			if (query.accountId() != null) {
				conditions.add(builder.or(builder.equal(event.get("actorAccountId"), query.accountId()),
						builder.equal(event.get("subjectAccountId"), query.accountId())));
			}
			if (query.action() != null) {
				conditions.add(builder.equal(event.get("action"), query.action()));
			}
			if (query.from() != null) {
				conditions.add(builder.greaterThanOrEqualTo(event.get("occurredAt"), query.from()));
			}
			if (query.until() != null) {
				conditions.add(builder.lessThan(event.get("occurredAt"), query.until()));
			}
			return builder.and(conditions.toArray(Predicate[]::new));
		};
	}

	private static Entry entry(AuditEvent event) {
		return new Entry(event.getOccurredAt(), event.getActorAccountId(), event.getSubjectAccountId(),
				event.getAction(), event.getMethodType(), event.getMethodMode(), event.getTarget(), event.getFacts(),
				event.getDetail(), event.getClientIp());
	}

}
