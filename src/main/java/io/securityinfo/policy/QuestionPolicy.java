package io.securityinfo.policy;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.ChangeRefused;

/**
 * Which security questions people may pick, and how many they answer. Read from the database on every use, like
 * the other policies, so that a change is in force on every app instance at the next request.
 */
@Service
public class QuestionPolicy {

	/** The fewest and the most questions an administrator may ask people to answer. */
	public static final int MIN_REQUIRED = 1;

	public static final int MAX_REQUIRED = 5;

	/** The longest question text, as the column holds it. */
	public static final int MAX_TEXT_LENGTH = 200;

	/** A question as pages show it. */
	public record Question(long id, String text, boolean predefined, boolean enabled) {
	}

	/** Why a change to the questions was not made: a message key and its arguments. */
	public static class QuestionChangeRefused extends ChangeRefused {

		private static final long serialVersionUID = 1L;

		QuestionChangeRefused(String messageKey, Object... arguments) {
			super(messageKey, arguments);
		}

	}

	private final SecurityQuestionRepository questions;

	private final QuestionPolicySettingRepository settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	QuestionPolicy(SecurityQuestionRepository questions, QuestionPolicySettingRepository settings,
			ApplicationEventPublisher events, Clock clock) {
		this.questions = questions;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public QuestionRules current() {
		return new QuestionRules(setting().rules(),
				questions().stream().filter(Question::enabled).toList());
	}

	/** Every question, switched on or off: the predefined ones first, then administrators' own. */
	@Transactional(readOnly = true)
	public List<Question> questions() {
		return questions.findAllByOrderByPredefinedDescIdAsc().stream().map(QuestionPolicy::view).toList();
	}

	/**
	 * Saves which questions are offered and how many people answer, audited when anything changed. People always
	 * have enough questions to choose from: never more required than offered.
	 * @throws QuestionChangeRefused when the number is out of range or above the questions switched on
	 */
	@Transactional
	public void save(long adminId, int questionsRequired, Set<Long> enabledIds) {
		if (questionsRequired < MIN_REQUIRED || questionsRequired > MAX_REQUIRED) {
			throw new QuestionChangeRefused("questions.admin.required.range");
		}
		List<SecurityQuestion> all = questions.findAllByOrderByPredefinedDescIdAsc();
		long enabled = all.stream().filter(question -> enabledIds.contains(question.getId())).count();
		if (questionsRequired > enabled) {
			throw new QuestionChangeRefused("questions.admin.required.above-enabled", questionsRequired, enabled);
		}
		QuestionPolicySetting setting = setting();
		boolean changed = setting.rules() != questionsRequired;
		for (SecurityQuestion question : all) {
			boolean on = enabledIds.contains(question.getId());
			changed |= question.isEnabled() != on;
			question.setEnabled(on);
		}
		if (changed) {
			setting.apply(questionsRequired, clock.instant());
			events.publishEvent(new QuestionPolicyChanged(adminId, questionsRequired, enabled, all.size()));
		}
	}

	/**
	 * Adds a question of the administrator's own, offered at once.
	 * @throws QuestionChangeRefused when the text is blank, too long or already a question
	 */
	@Transactional
	public long add(long adminId, String text) {
		String trimmed = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (trimmed.isEmpty()) {
			throw new QuestionChangeRefused("questions.admin.text.required");
		}
		if (trimmed.length() > MAX_TEXT_LENGTH) {
			throw new QuestionChangeRefused("questions.admin.text.too-long");
		}
		if (questions.existsByTextIgnoreCase(trimmed)) {
			throw new QuestionChangeRefused("questions.admin.text.taken");
		}
		SecurityQuestion question = questions.save(new SecurityQuestion(trimmed, clock.instant()));
		events.publishEvent(new QuestionAdded(adminId, question.getId(), trimmed));
		return question.getId();
	}

	private QuestionPolicySetting setting() {
		return settings.findById(QuestionPolicySetting.ID)
			.orElseThrow(() -> new IllegalStateException("The migration seeds the question policy"));
	}

	private static Question view(SecurityQuestion question) {
		return new Question(question.getId(), question.getText(), question.isPredefined(), question.isEnabled());
	}

}
