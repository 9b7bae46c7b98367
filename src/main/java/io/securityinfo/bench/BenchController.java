package io.securityinfo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the bench reads from the app. {@code /bench/ping} is the smallest page an authenticated person can ask
 * for: the same filters, session and security as every page, no database work of its own and no template, so its
 * throughput is the ceiling the pages are measured against. The rest is under {@code /admin}, for administrators.
 */
@RestController
@ConditionalOnBench
class BenchController {

	private final Statistics statistics;

	private final JdbcTemplate jdbc;

	BenchController(EntityManagerFactory entityManagerFactory, JdbcTemplate jdbc) {
		this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.jdbc = jdbc;
	}

	@GetMapping(path = "/bench/ping", produces = "text/plain")
	String ping() {
		return "pong";
	}

	/**
	 * Hibernate's count of prepared statements: {@code ?start} clears it and switches counting on, {@code ?stop}
	 * answers the count and switches it off again, so that the timed runs pay nothing for it.
	 */
	@GetMapping(path = "/admin/bench/statements", produces = "text/plain")
	String statements(@RequestParam(required = false) String start, @RequestParam(required = false) String stop) {
		if (start != null) {
			statistics.clear();
			statistics.setStatisticsEnabled(true);
		}
		long count = statistics.getPrepareStatementCount();
		if (stop != null) {
			statistics.setStatisticsEnabled(false);
		}
		return Long.toString(count);
	}

	/** The heap's peak in bytes since the last {@code ?reset} (the sum of the heap pools' peaks). */
	@GetMapping(path = "/admin/bench/heap-peak", produces = "text/plain")
	String heapPeak(@RequestParam(required = false) String reset) {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
				if (reset != null) {
					pool.resetPeakUsage();
				}
			}
		}
		return Long.toString(peak);
	}

	/** How many times a person has two methods of one type: zero while the unique constraint holds. */
	@GetMapping(path = "/admin/bench/duplicate-methods", produces = "text/plain")
	String duplicateMethods() {
		Long duplicates = jdbc.queryForObject("""
				select count(*) from (select account_id, type from security_method
				group by account_id, type having count(*) > 1) duplicated""", Long.class);
		return Long.toString(duplicates == null ? 0 : duplicates);
	}

}
