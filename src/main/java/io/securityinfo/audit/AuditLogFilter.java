package io.securityinfo.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The filters above the audit log, bound from the query string so that a filtered page can be linked to. */
class AuditLogFilter {

	/** The email of a person who acted or was acted on; blank for everyone. */
	@Size(max = 320, message = "{audit.filter.user.unknown}")
	private String user;

	private AuditAction action;

	/** The first day shown, in UTC. */
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	/** The last day shown, in UTC: its events are included. */
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	public String getUser() {
		return user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public AuditAction getAction() {
		return action;
	}

	public void setAction(AuditAction action) {
		this.action = action;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	/** The query these filters stand for: the days are whole days in UTC, the last one included. */
	AuditQuery toQuery(Long accountId) {
		return new AuditQuery(accountId, action, from == null ? null : startOf(from),
				to == null ? null : startOf(to.plusDays(1)));
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	boolean hasUser() {
		return user != null && !user.isBlank();
	}

	/** The address of another page of the log with these same filters, for "Newer" and "Older". */
	String pageLink(int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(AuditLogController.PATH);
		Map<String, Object> values = new HashMap<>();
		if (hasUser()) {
			link.queryParam("user", "{user}");
			values.put("user", user.strip());
		}
		if (action != null) {
			link.queryParam("action", "{action}");
			values.put("action", action.name());
		}
		if (from != null) {
			link.queryParam("from", "{from}");
			values.put("from", from);
		}
		if (to != null) {
			link.queryParam("to", "{to}");
			values.put("to", to);
		}
		// Values as URI variables are encoded strictly: a "+" in an email must not come back as a space.
		return link.queryParam("page", page).encode().buildAndExpand(values).toUriString();
	}

}
