package io.securityinfo.policy;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * "Require two-step verification at sign-in", for all users or for groups. Read from the database on every use
 * (one statement), like the other policies; the configured default applies until an administrator saves one.
 * <p>
 * Its {@linkplain #version() version}, which every save raises, is known in memory, so that each request can tell
 * at no cost whether its session was decided under the policy in force: this instance learns of its own saves as
 * they commit, and of other instances' by reading the version every {@code app.policy.two-step.recheck-interval}.
 */
@Service
public class TwoStepPolicy extends StoredPolicy<TwoStepRules, TwoStepPolicySetting> {

	private static final Logger log = LoggerFactory.getLogger(TwoStepPolicy.class);

	private static final String VERSION = "select version from two_step_policy where id = " + TwoStepPolicySetting.ID;

	private final TwoStepPolicySettingRepository settings;

	private final PolicyDefaults defaults;

	private final JdbcTemplate jdbc;

	/** The newest version known here; 0 until a policy is saved. */
	private final AtomicLong version = new AtomicLong();

	TwoStepPolicy(TwoStepPolicySettingRepository settings, PolicyDefaults defaults,
			ApplicationEventPublisher events, Clock clock, JdbcTemplate jdbc) {
		super(settings, TwoStepPolicySetting::new, events, clock);
		this.settings = settings;
		this.defaults = defaults;
		this.jdbc = jdbc;
	}

	/**
	 * The version of the policy in force, without a statement: a session decided under another one is decided again.
	 */
	public long version() {
		return version.get();
	}

	/**
	 * Learns of a policy saved on another instance. Plain JDBC, off any request: no page pays for it, and it stays
	 * out of the pages' statement counts.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${app.policy.two-step.recheck-interval:10s}",
			initialDelayString = "${app.policy.two-step.recheck-interval:10s}")
	void readVersion() {
		try {
			jdbc.query(VERSION, row -> {
				advanceTo(row.getLong(1));
			});
		}
		catch (DataAccessException ex) {
			log.warn("Could not read the two-step policy's version; trying again later: {}", ex.getMessage());
		}
	}

	private void advanceTo(long saved) {
		version.accumulateAndGet(saved, Math::max);
	}

	@Override
	TwoStepRules configured() {
		return new TwoStepRules(defaults.twoStep().required(), true, Set.of());
	}

	@Override
	TwoStepPolicyChanged changed(long adminId, TwoStepRules rules) {
		return new TwoStepPolicyChanged(adminId, rules);
	}

	/** Whether this person must give a second factor at sign-in (when they have a method to give it with). */
	@Transactional(readOnly = true)
	public boolean appliesTo(long accountId) {
		Integer saved = settings.appliesTo(accountId);
		return saved == null ? defaults.twoStep().required() : saved == 1;
	}

	/**
	 * The new version is known here only once committed: a request deciding its session before that would read the
	 * old policy.
	 */
	@Override
	void saved(TwoStepPolicySetting setting) {
		long saved = setting.getVersion();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				advanceTo(saved);
			}
		});
	}

}
