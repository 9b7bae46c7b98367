package io.securityinfo.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
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

	/**
	 * Records what one person did, possibly to another's account (an administrator clearing someone's methods) or
	 * to no account (a policy change: {@code subjectAccountId} null).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(long actorAccountId, Long subjectAccountId, AuditAction action, String detail) {
		events.save(new AuditEvent(clock.instant(), actorAccountId, subjectAccountId, action, detail,
				currentClientIp()));
	}

	@Transactional(readOnly = true)
	public List<Entry> entriesFor(long subjectAccountId) {
		return events.findBySubjectAccountIdOrderByOccurredAtDescIdDesc(subjectAccountId)
			.stream()
			.map(AuditLog::entry)
			.toList();
	}

	/** The {@code limit} newest changes to one person's account, newest first, in one query. */
	@Transactional(readOnly = true)
	public List<Entry> recentFor(long subjectAccountId, int limit) {
		return events.findBySubjectAccountIdOrderByOccurredAtDescIdDesc(subjectAccountId, PageRequest.ofSize(limit))
			.stream()
			.map(AuditLog::entry)
			.toList();
	}

	private static Entry entry(AuditEvent event) {
		return new Entry(event.getOccurredAt(), event.getActorAccountId(), event.getSubjectAccountId(),
				event.getAction(), event.getDetail(), event.getClientIp());
	}

	/**
	 * The address of the client of the current request. Behind a proxy it is the proxy's, unless the server is
	 * configured to honour forwarded headers from trusted proxies.
	 */
	private static String currentClientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
