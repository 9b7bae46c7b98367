package io.securityinfo.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Which authentication methods each person may use. Read from the database on every use, so a change made on one
 * app instance is in force on all of them at the next request.
 */
@Service
public class MethodPolicy {

	/** One method's policy: on or off, and for all users or only the members of some groups. */
	public record Setting(AuthenticationMethod method, boolean enabled, boolean allUsers, Set<Long> groupIds) {
	}

	private final MethodPolicySettingRepository settings;

	private final ApplicationEventPublisher events;

	private final AuthenticationMethods methods;

	private final PeopleCounts people;

	MethodPolicy(MethodPolicySettingRepository settings, ApplicationEventPublisher events,
			AuthenticationMethods methods, PeopleCounts people) {
		this.people = people;
		this.settings = settings;
		this.events = events;
		this.methods = methods;
	}

	@Transactional(readOnly = true)
	public Set<AuthenticationMethod> allowedFor(long accountId) {
		Set<AuthenticationMethod> allowed = new LinkedHashSet<>(methods.authenticationMethods());
		settings.findMethodsNotAllowedFor(accountId).stream().map(AuthenticationMethod::new).forEach(allowed::remove);
		return allowed;
	}

	/** Every authentication method, in the order the admin page lists them. */
	public List<AuthenticationMethod> methods() {
		return methods.authenticationMethods();
	}

	/** Every method's setting, in the order of {@link #methods()}. */
	@Transactional(readOnly = true)
	public List<Setting> settings() {
		Map<AuthenticationMethod, MethodPolicySetting> saved = settings.findAll()
			.stream()
			.collect(Collectors.toMap(MethodPolicySetting::getMethod, Function.identity()));
		return methods.authenticationMethods()
			.stream()
			.map(method -> saved.getOrDefault(method, new MethodPolicySetting(method)))
			.map(MethodPolicy::view)
			.toList();
	}

	/**
	 * How many people each saved setting lets use its method, by method name: everyone who can sign in for a method
	 * on for all users, the members of its groups, none when off. Two statements, whatever the number of people.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> peopleAllowed() {
		long everyone = people.everyone();
		Map<String, Long> members = people.membersByMethod();
		return settings().stream()
			.collect(Collectors.toMap(setting -> setting.method().name(),
					setting -> !setting.enabled() ? 0L
							: setting.allUsers() ? everyone : members.getOrDefault(setting.method().name(), 0L)));
	}

	/** Saves the settings that differ from the ones in force, each audited. */
	@Transactional
	public void save(long adminId, List<Setting> changes) {
		for (Setting change : changes) {
			MethodPolicySetting setting = settings.findById(change.method().name())
				.orElseGet(() -> new MethodPolicySetting(change.method()));
			Setting before = view(setting);
			setting.update(change.enabled(), change.allUsers(), change.groupIds());
			Setting after = view(setting);
			if (!before.equals(after)) {
				settings.save(setting);
				events.publishEvent(new MethodPolicyChanged(adminId, after));
			}
		}
	}

	private static Setting view(MethodPolicySetting setting) {
		return new Setting(setting.getMethod(), setting.isEnabled(), setting.isAllUsers(),
				setting.isAllUsers() ? Set.of() : setting.getGroupIds());
	}

}
