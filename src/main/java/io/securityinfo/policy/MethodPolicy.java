package io.securityinfo.policy;

import java.util.Arrays;
import java.util.EnumSet;
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

	MethodPolicy(MethodPolicySettingRepository settings, ApplicationEventPublisher events) {
		this.settings = settings;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Set<AuthenticationMethod> allowedFor(long accountId) {
		Set<AuthenticationMethod> allowed = EnumSet.allOf(AuthenticationMethod.class);
		settings.findMethodsNotAllowedFor(accountId)
			.stream()
			.filter(name -> Arrays.stream(AuthenticationMethod.values()).anyMatch(m -> m.name().equals(name)))
			.map(AuthenticationMethod::valueOf)
			.forEach(allowed::remove);
		return allowed;
	}

	/** Every method's setting, in the order of {@link AuthenticationMethod}. */
	@Transactional(readOnly = true)
	public List<Setting> settings() {
		Map<AuthenticationMethod, MethodPolicySetting> saved = settings.findAll()
			.stream()
			.collect(Collectors.toMap(MethodPolicySetting::getMethod, Function.identity()));
		return Arrays.stream(AuthenticationMethod.values())
			.map(method -> saved.getOrDefault(method, new MethodPolicySetting(method)))
			.map(MethodPolicy::view)
			.toList();
	}

	/** Saves the settings that differ from the ones in force, each audited. */
	@Transactional
	public void save(long adminId, List<Setting> changes) {
		for (Setting change : changes) {
			MethodPolicySetting setting = settings.findById(change.method())
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
