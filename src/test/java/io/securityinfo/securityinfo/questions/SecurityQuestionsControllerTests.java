package io.securityinfo.securityinfo.questions;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.rowOf;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.groups.Groups;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.policy.TestPolicies;

/**
 * "Security questions": picking different questions and answering each, answers kept only as slow hashes of their
 * normalised form, Change, and never a way to sign in.
 */
@AppTest
class SecurityQuestionsControllerTests extends AppFixture {

	private static final String PAGE = "/security-info/security-questions";

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	QuestionPolicy questionPolicy;

	@Autowired
	MethodPolicy methodPolicy;

	@Autowired
	RegistrationPolicy registrationPolicy;

	@Autowired
	Groups groups;

	@Test
	void addFormWhenChosenFromAddAMethodThenAsksForTheRequiredNumberOfQuestions() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(post("/security-info/add").param("type", "SECURITY_QUESTIONS").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl(PAGE));

		int required = questionPolicy.current().questionsRequired();
		mvc.perform(get(PAGE).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Security questions</h1>"))
			.andExpect(shows("Choose " + required + " different questions and answer each."))
			.andExpect(shows("<legend>Question " + required + "</legend>"))
			.andExpect(doesNotShow("<legend>Question " + (required + 1) + "</legend>"))
			.andExpect(shows(">What was the name of your first pet?</option>"))
			.andExpect(shows("<label for=\"answers0.answer\">Answer</label>"));
	}

	@Test
	void saveWhenAnswersAreAcceptableThenOnlySlowHashesOfTheNormalisedAnswersAreStored() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = offeredQuestions();
		List<String> answers = List.of("  Rex  ", "AMSTERDAM", "St. Mary's", "Blue Lagoon", "Ford");

		save(user, PAGE, questions, answers).andExpect(redirectedUrl(PAGE + "/done"));

		List<StoredAnswer> stored = storedAnswers(user);
		assertThat(stored).extracting(StoredAnswer::questionId).containsExactlyElementsOf(questions);
		for (int i = 0; i < stored.size(); i++) {
			String hash = stored.get(i).hash();
			String normalised = answers.get(i).strip().toLowerCase(Locale.ROOT);
			assertThat(hash).startsWith("{bcrypt}")
				.doesNotContainIgnoringCase(answers.get(i).strip())
				.doesNotContainIgnoringCase(normalised);
			assertThat(passwordEncoder.matches(normalised, hash)).as("the normalised answer matches").isTrue();
			assertThat(passwordEncoder.matches(answers.get(i), hash)).as("the answer as typed does not").isFalse();
		}
		long methodId = methodId(user);
		assertThat(jdbc.queryForObject("select detail from security_method where id = ?", String.class, methodId))
			.isEqualTo(String.valueOf(questions.size()));
		assertThat(jdbc.queryForObject("select default_mode from security_method where id = ?", String.class,
				methodId))
			.isNull();
		assertThat(auditRows(user, "METHOD_ADDED")).containsExactly("SECURITY_QUESTIONS " + questions.size());
		assertThat(auditRows(user, "DEFAULT_METHOD_CHANGED")).isEmpty();
	}

	@Test
	void saveWhenDoneThenTheOverviewListsThemForPasswordResetOnlyAndThereIsStillNoDefault() throws Exception {
		SignedInUser user = newEmployee();
		register(user);
		long methodId = methodId(user);

		mvc.perform(get(PAGE + "/done").with(signedIn(user)))
			.andExpect(shows("Your security questions were saved."))
			.andExpect(shows("href=\"/security-info\">Done</a>"));
		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(content().string(rowOf(methodId, "Security questions",
					offeredQuestions().size() + " questions answered", "Password reset only", "Change", "Delete")))
			.andExpect(shows("href=\"" + PAGE + "/change\">Change</a>"))
			.andExpect(shows(">None yet</strong>"));
		mvc.perform(get("/security-info/default").with(signedIn(user)))
			.andExpect(shows("Add a method you can sign in with first."))
			.andExpect(doesNotShow("Security questions - "));
	}

	@Test
	void saveWhenAQuestionIsChosenTwiceThenSaysSoBesideItKeepsWhatWasTypedAndStoresNothing() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = new ArrayList<>(offeredQuestions());
		questions.set(1, questions.get(0));

		save(user, PAGE, questions, answersFor(questions.size()))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"answers1.questionId-error\">You chose this question already. Choose a different "
					+ "one.</p>"))
			.andExpect(doesNotShow("id=\"answers0.questionId-error\""))
			.andExpect(shows("value=\"answer number 1\""))
			.andExpect(shows("value=\"answer number 2\""));

		assertThat(methodsOf(user)).isZero();
		assertThat(storedAnswers(user)).isEmpty();
	}

	@Test
	void saveWhenTwoAnswersAreTheSameAfterNormalisingThenSaysSo() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = offeredQuestions();
		List<String> answers = new ArrayList<>(answersFor(questions.size()));
		answers.set(0, "Rex");
		answers.set(1, " REX ");

		save(user, PAGE, questions, answers)
			.andExpect(status().isOk())
			.andExpect(shows("id=\"answers1.answer-error\">You gave this answer already. Use a different answer for "
					+ "each question.</p>"))
			.andExpect(shows("value=\" REX \""));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void saveWhenAnAnswerIsShortOrEmptyThenSaysSoBesideItAndKeepsTheOthers() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = offeredQuestions();
		List<String> answers = new ArrayList<>(answersFor(questions.size()));
		answers.set(0, "  Ab  ");
		answers.set(1, "   ");

		save(user, PAGE, questions, answers)
			.andExpect(status().isOk())
			.andExpect(shows("id=\"answers0.answer-error\">Use at least 3 characters.</p>"))
			.andExpect(shows("value=\"  Ab  \""))
			.andExpect(shows("id=\"answers1.answer-error\">Enter your answer.</p>"))
			.andExpect(shows("value=\"answer number 3\""))
			.andExpect(content().string(selected(0, questions.get(0))));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void saveWhenAQuestionIsNotOfferedThenAsksForOneFromTheList() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = new ArrayList<>(offeredQuestions());
		questions.set(0, Long.MAX_VALUE);

		save(user, PAGE, questions, answersFor(questions.size()))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"answers0.questionId-error\">Choose a question from the list.</p>"));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void saveWhenFewerRowsThanThePolicyAsksForThenSaysSoAndShowsThemAll() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = offeredQuestions().subList(0, 1);

		save(user, PAGE, questions, answersFor(1))
			.andExpect(status().isOk())
			.andExpect(shows("Your organization now asks for " + offeredQuestions().size() + " questions."))
			.andExpect(shows("<legend>Question " + offeredQuestions().size() + "</legend>"))
			.andExpect(shows("value=\"answer number 1\""));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void saveWhenTheSameFormIsSentTwiceThenTheQuestionsAreStoredOnce() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = offeredQuestions();

		save(user, PAGE, questions, answersFor(questions.size())).andExpect(redirectedUrl(PAGE + "/done"));
		save(user, PAGE, questions, answersFor(questions.size()))
			.andExpect(status().isOk())
			.andExpect(shows("You have already added security questions. Use Change on Security info to answer them "
					+ "again."));

		assertThat(methodsOf(user)).isEqualTo(1);
		assertThat(storedAnswers(user)).hasSize(questions.size());
		assertThat(auditRows(user, "METHOD_ADDED")).hasSize(1);
	}

	@Test
	void securityQuestionsOffThenNotOfferedAndForgedFormsStoreNothing() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> questions = offeredQuestions();

		TestPolicies.withMethodOffForEveryone(methodPolicy, groups, newAdmin().id(),
				SecurityQuestionsMethodType.AUTHENTICATION_METHOD, () -> {
					mvc.perform(get("/security-info/add").with(signedIn(user)))
						.andExpect(doesNotShow("SECURITY_QUESTIONS"))
						.andExpect(shows("If you don&#39;t see an option, your organization might not allow it."));
					TestBrowser browser = new TestBrowser(mvc);
					browser.perform(get(PAGE).with(signedIn(user)))
						.andExpect(redirectedUrl("/security-info/add"))
						.andExpect(flash().attribute("problem", "questions.not-allowed"));
					browser.perform(get("/security-info/add").with(signedIn(user)))
						.andExpect(shows("Your organization doesn&#39;t allow security questions."));
					save(user, PAGE, questions, answersFor(questions.size()))
						.andExpect(redirectedUrl("/security-info/add"))
						.andExpect(flash().attribute("problem", "questions.not-allowed"));
					save(user, PAGE + "/change", questions, answersFor(questions.size()))
						.andExpect(redirectedUrl("/security-info/add"));
				});

		assertThat(methodsOf(user)).isZero();
		assertThat(storedAnswers(user)).isEmpty();
	}

	@Test
	void changeWhenAnsweredAgainThenTheNewAnswersReplaceTheOldOnes() throws Exception {
		SignedInUser user = newEmployee();
		List<Long> first = offeredQuestions();
		save(user, PAGE, first, answersFor(first.size())).andExpect(redirectedUrl(PAGE + "/done"));
		long methodId = methodId(user);
		List<Long> all = questionPolicy.current().offered().stream().map(QuestionPolicy.Question::id).toList();
		List<Long> second = all.subList(all.size() - first.size(), all.size());

		mvc.perform(get(PAGE + "/change").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Answer your questions again, or choose others."))
			.andExpect(shows("action=\"" + PAGE + "/change\""))
			.andExpect(content().string(selected(0, first.get(0))))
			.andExpect(doesNotShow("answer number"));
		List<String> newAnswers = second.stream().map(id -> "new answer " + id).toList();
		save(user, PAGE + "/change", second, newAnswers).andExpect(redirectedUrl(PAGE + "/done"));

		List<StoredAnswer> stored = storedAnswers(user);
		assertThat(stored).extracting(StoredAnswer::questionId).containsExactlyElementsOf(second);
		assertThat(passwordEncoder.matches("new answer " + second.get(0), stored.get(0).hash())).isTrue();
		assertThat(stored).noneMatch(answer -> passwordEncoder.matches("answer number 1", answer.hash()));
		assertThat(methodId(user)).isEqualTo(methodId);
		assertThat(auditRows(user, "METHOD_CHANGED")).hasSize(1);
	}

	@Test
	void deleteThenTheAnswersGoWithTheMethod() throws Exception {
		SignedInUser user = newEmployee();
		register(user);
		long methodId = methodId(user);

		mvc.perform(get("/security-info/methods/{id}/delete", methodId).with(signedIn(user)))
			.andExpect(shows("Are you sure you would like to delete the Security questions method for this account?"))
			.andExpect(doesNotShow("This is your default sign-in method."));
		mvc.perform(post("/security-info/methods/{id}/delete", methodId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(methodsOf(user)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from security_answer where method_id = ?", Long.class,
				methodId))
			.isZero();
	}

	@Test
	void doneWhenRegistrationIsStillAskedForThenDoneLeadsBackIntoIt() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser user = newEmployee();
		accounts.requireRegistration(admin.id(), user.id());
		RegistrationRules before = registrationPolicy.current();
		registrationPolicy.save(admin.id(), new RegistrationRules(before.requireRegistration(), 2,
				before.reconfirmDays(), before.skipDays()));
		try {
			register(user);

			mvc.perform(get(PAGE + "/done").sessionAttr(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE)
				.with(signedIn(user)))
				.andExpect(status().isOk())
				.andExpect(shows("href=\"/security-info/interrupt/continue\">Done</a>"));
		}
		finally {
			registrationPolicy.save(admin.id(), before);
		}
	}

	/** The first questions offered, as many as the policy asks for. */
	private List<Long> offeredQuestions() {
		return questionPolicy.current()
			.offered()
			.stream()
			.map(QuestionPolicy.Question::id)
			.limit(questionPolicy.current().questionsRequired())
			.toList();
	}

	private static List<String> answersFor(int count) {
		List<String> answers = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			answers.add("answer number " + i);
		}
		return answers;
	}

	private ResultActions save(SignedInUser user, String path, List<Long> questions, List<String> answers)
			throws Exception {
		MockHttpServletRequestBuilder request = post(path);
		for (int i = 0; i < questions.size(); i++) {
			request.param("answers[" + i + "].questionId", String.valueOf(questions.get(i)))
				.param("answers[" + i + "].answer", answers.get(i));
		}
		return mvc.perform(request.with(csrf()).with(signedIn(user)));
	}

	private void register(SignedInUser user) throws Exception {
		List<Long> questions = offeredQuestions();
		save(user, PAGE, questions, answersFor(questions.size())).andExpect(redirectedUrl(PAGE + "/done"));
	}

	/** The question select of this row has this question selected. */
	private static Matcher<String> selected(int row, long questionId) {
		String select = "<select[^>]* id=\"answers" + row + ".questionId\"(?:(?!</select>).)*<option value=\""
				+ questionId + "\" selected=\"selected\"";
		return matchesPattern(Pattern.compile(".*" + select + ".*", Pattern.DOTALL));
	}

	private long methodId(SignedInUser user) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = ?", Long.class,
				user.id(), "SECURITY_QUESTIONS");
	}

	private List<StoredAnswer> storedAnswers(SignedInUser user) {
		return jdbc.query("""
				select a.question_id, a.answer_hash from security_answer a
				join security_method m on m.id = a.method_id
				where m.account_id = ? order by a.answer_order""",
				(row, index) -> new StoredAnswer(row.getLong("question_id"), row.getString("answer_hash")),
				user.id());
	}

	private List<String> auditRows(SignedInUser user, String action) {
		return jdbc.queryForList("""
				select method_type || ' ' || target from audit_event
				where subject_account_id = ? and action = ?""", String.class, user.id(), action);
	}

	private record StoredAnswer(long questionId, String hash) {
	}

}
