package io.securityinfo;

import java.time.Instant;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every housekeeping job does ({@code @Scheduled(cron = "${app.housekeeping.cron}")} in the module that owns
 * the rows): one delete of the rows older than a cutoff, conditional on time alone so that every instance may run
 * it, and a line in the log when it deleted any.
 */
public final class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private Housekeeping() {
	}

	/**
	 * @param rows what is deleted and how old, as the log line names it: "audit events older than"
	 * @param deleteBefore the delete, given the cutoff, answering how many rows it deleted
	 * @return how many rows were deleted
	 */
	public static int delete(String rows, Instant cutoff, ToIntFunction<Instant> deleteBefore) {
		int deleted = deleteBefore.applyAsInt(cutoff);
		if (deleted > 0) {
			log.info("Housekeeping deleted {} {} {}", deleted, rows, cutoff);
		}
		return deleted;
	}

}
