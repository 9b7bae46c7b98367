package io.securityinfo.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who changed what, when and from where. Recorded in the transaction of the change it describes. */
@Service
public class AuditLog {

	/** One recorded change, as pages show it. */
	public record Entry(Instant occurredAt, Long actorAccountId, Long subjectAccountId, AuditAction action,
			String detail, String clientIp) {
	}

	/** Events recorded in one transaction share their instant; the id keeps their order. */
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

	private final AuditEventRepository events;

	private final Clock clock;

	AuditLog(AuditEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** Records what a person did to their own security info. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordOwn(long accountId, AuditAction action, String detail) {
		events.save(new AuditEvent(clock.instant(), accountId, accountId, action, detail, currentClientIp()));
	}

	/** Records what a person did that changes nothing else in the database, such as skipping a step. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordOwnInNewTransaction(long accountId, AuditAction action, String detail) {
		recordOwn(accountId, action, detail);
	}

	/**
	 * Records what one person did, possibly to another's account (an administrator clearing someone's methods) or
	 * to no account (a policy change: {@code subjectAccountId} null).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(long actorAccountId, Long subjectAccountId, AuditAction action, String detail) {
		events.save(new AuditEvent(clock.instant(), actorAccountId, subjectAccountId, action, detail,
				currentClientIp()));
	}

	/**
	 * Records what the app did by itself, such as locking sign-in after wrong passwords: no one acted. The subject
	 * is the account concerned, or null.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAbout(Long subjectAccountId, AuditAction action, String detail) {
		events.save(new AuditEvent(clock.instant(), null, subjectAccountId, action, detail, currentClientIp()));
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
				event.getAction(), event.getDetail(), event.getClientIp());
	}

	/**
	 * The address of the client of the current request. Behind a proxy it is the proxy's, unless the server is
	 * configured to honour forwarded headers from trusted proxies.
	 */
	public static String currentClientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
