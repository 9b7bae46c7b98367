package io.securityinfo.securityinfo.campaign;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.securityinfo.MethodTypes;

/**
 * The campaign's progress: how many people have which strongest sign-in method, now and week by week.
 * <p>
 * <b>Now</b> is one statement: each enabled person's strongest method type by {@link MethodType#strength()} (the
 * ranking the method types declare), counted per type; people without a sign-in method are the rest of the enabled
 * accounts. The policy is not consulted: the chart shows what people registered.
 * <p>
 * <b>Week by week</b> comes from counts kept in {@code campaign_week} (V20): the current week's row is written again
 * once a day (housekeeping) and whenever the progress page is viewed, so a past week keeps the last count taken in
 * it. Nothing is derived backwards from methods' creation dates, which would forget deleted methods and count
 * people who did not exist yet: the history starts when the app first counted, and a week in which it never ran
 * has no bar.
 */
@Service
class CampaignProgress {

	/** The category of people with no sign-in method at all. */
	static final String NONE = "NONE";

	/** How many weeks the chart shows. */
	static final int WEEKS = 12;

	private static final Logger log = LoggerFactory.getLogger(CampaignProgress.class);

	private final JdbcClient jdbc;

	private final MethodTypes types;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	CampaignProgress(JdbcClient jdbc, MethodTypes types, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.types = types;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The sign-in method types a person registers to sign in with, strongest first: the chart's categories before
	 * {@link #NONE}. Backups that are never the default (recovery codes, a Temporary Access Pass) are not among them.
	 */
	List<MethodType> signInTypes() {
		return types.all()
			.stream()
			.filter(type -> type.canSignIn() && type.canBeDefault())
			.sorted(java.util.Comparator.comparingInt(MethodType::strength))
			.toList();
	}

	/**
	 * How many enabled people have each type as their strongest sign-in method, strongest first, then {@link #NONE}:
	 * two statements, whatever the number of people.
	 */
	Map<String, Long> countNow() {
		List<MethodType> ranked = signInTypes();
		StringBuilder strength = new StringBuilder("case m.type");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			// The ranks are this loop's own numbers; the type ids go in as parameters.
			strength.append(" when ? then ").append(i);
			params.add(ranked.get(i).id());
		}
		strength.append(" end");
		String inTypes = String.join(", ", java.util.Collections.nCopies(ranked.size(), "?"));
		params.addAll(ranked.stream().map(MethodType::id).toList());
		Map<Integer, Long> byRank = new TreeMap<>();
		jdbc.sql("select s.best, count(*) from (select m.account_id, min(" + strength + ") as best"
				+ " from security_method m join account a on a.id = m.account_id and a.enabled = true"
				+ " where m.type in (" + inTypes + ") group by m.account_id) s group by s.best")
			.params(params)
			.query((row, number) -> byRank.put(row.getInt(1), row.getLong(2)))
			.list();
		long everyone = jdbc.sql("select count(*) from account a where a.enabled = true").query(Long.class).single();
		Map<String, Long> counts = new LinkedHashMap<>();
		long withMethod = 0;
		for (int i = 0; i < ranked.size(); i++) {
			long people = byRank.getOrDefault(i, 0L);
			counts.put(ranked.get(i).id(), people);
			withMethod += people;
		}
		counts.put(NONE, everyone - withMethod);
		return counts;
	}

	/** The Monday (UTC) of the week the injected clock is in. */
	LocalDate thisWeek() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * Counts now and keeps the counts as this week's, replacing an earlier count of the same week; in a transaction
	 * of its own, so that two admins viewing at once cost one of them nothing but a log line.
	 * @return the counts
	 */
	Map<String, Long> recordThisWeek() {
		Map<String, Long> counts = countNow();
		LocalDate week = thisWeek();
		try {
			ownTransaction.executeWithoutResult(status -> {
				jdbc.sql("delete from campaign_week where week_start = ?").param(Date.valueOf(week)).update();
				counts.forEach((strongest, people) -> jdbc
					.sql("insert into campaign_week (week_start, strongest, people, counted_at) values (?, ?, ?, ?)")
					.params(Date.valueOf(week), strongest, people, java.sql.Timestamp.from(clock.instant()))
					.update());
			});
		}
		catch (DataAccessException ex) {
			log.info("This week's campaign counts were written by someone else meanwhile: {}", ex.getMessage());
		}
		return counts;
	}

	/** Once a day, with the other housekeeping: this week's counts, so that weeks no admin looked at have theirs. */
	@Scheduled(cron = "${app.housekeeping.cron}")
	void countDaily() {
		recordThisWeek();
	}

	/** The kept counts of the last {@link #WEEKS} weeks, oldest first: by week, by category. */
	Map<LocalDate, Map<String, Long>> weeks() {
		LocalDate from = thisWeek().minusWeeks(WEEKS - 1);
		Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
		jdbc.sql("select week_start, strongest, people from campaign_week where week_start >= ?")
			.param(Date.valueOf(from))
			.query((row, number) -> weeks.computeIfAbsent(row.getDate(1).toLocalDate(), week -> new LinkedHashMap<>())
				.put(row.getString(2), row.getLong(3)))
			.list();
		return weeks;
	}

}
