package io.securityinfo.policy;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;


/**
 * A policy an administrator saves on an admin page: the saved row's rules, or the configured ones until an
 * administrator saves some. Read from the database on every use (one statement), so that a change made on one app
 * instance is in force on all of them at the next request. Every save publishes the policy's own event in its
 * transaction, which audit records.
 *
 * @param <R> the rules, as the rest of the app reads them
 * @param <S> the row that keeps them
 */
abstract class StoredPolicy<R, S extends PolicySetting<R>> {

	private final JpaRepository<S, Integer> settings;

	private final Supplier<S> newSetting;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StoredPolicy(JpaRepository<S, Integer> settings, Supplier<S> newSetting, ApplicationEventPublisher events,
			Clock clock) {
		this.settings = settings;
		this.newSetting = newSetting;
		this.events = events;
		this.clock = clock;
	}

	/** The rules in force: the saved ones, or the configured ones until an administrator saves some. */
	@Transactional(readOnly = true)
	public R current() {
		return settings.findById(PolicySetting.ID).map(PolicySetting::rules).orElseGet(this::configured);
	}

	@Transactional
	public void save(long adminId, R rules) {
		S setting = settings.findById(PolicySetting.ID).orElseGet(newSetting);
		setting.apply(rules, clock.instant());
		settings.save(setting);
		events.publishEvent(changed(adminId, setting.rules()));
		saved(setting);
	}

	/** The rules until an administrator saves some: the application's settings. */
	abstract R configured();

	/** The event that tells who saved which rules (a record of this module's API). */
	abstract Object changed(long adminId, R rules);

	/** What the policy does once its row is saved, in the same transaction. */
	void saved(S setting) {
	}

}
