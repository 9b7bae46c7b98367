package io.securityinfo.policy;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;

/**
 * Admin → "Security questions": which questions are offered, how many people answer, and the organization's own
 * questions. The policy is global, so a test that saves one restores the one before.
 */
@AppTest
class QuestionPolicyControllerTests extends AppFixture {

	@Autowired
	QuestionPolicy questionPolicy;

	SignedInUser admin;

	@BeforeEach
	void createAdmin() {
		admin = newAdmin();
	}

	@Test
	void pageListsThePredefinedQuestionsAndHowManyPeopleAnswer() throws Exception {
		QuestionRules rules = questionPolicy.current();

		mvc.perform(get("/admin/questions").with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Security questions</h1>"))
			.andExpect(shows("<label for=\"questionsRequired\">Number of questions a user must answer</label>"))
			.andExpect(shows("<option value=\"" + rules.questionsRequired() + "\" selected=\"selected\">"))
			.andExpect(content().string(questionRow("What was the name of your first pet?", "Predefined", true)))
			.andExpect(shows("href=\"/admin/questions\" class=\"nav-sub\" aria-current=\"page\">Security questions</a>"));
		mvc.perform(get("/admin").with(signedIn(admin)))
			.andExpect(shows("<a href=\"/admin/questions\">Security questions</a>"));
	}

	@Test
	void pageWhenNotAnAdministratorThenForbidden() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/admin/questions").with(signedIn(employee))).andExpect(status().isForbidden());
		mvc.perform(policyForm(employee, 1, List.of(firstQuestion()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/questions/new").param("text", "Forged?").with(csrf()).with(signedIn(employee)))
			.andExpect(status().isForbidden());
	}

	@Test
	void saveWhenMoreQuestionsAreRequiredThanOfferedThenRefusedBesideTheNumberAndNothingChanges() throws Exception {
		QuestionRules before = questionPolicy.current();
		List<Long> two = before.offered().stream().map(QuestionPolicy.Question::id).limit(2).toList();

		try {
			mvc.perform(policyForm(admin, 3, two))
				.andExpect(status().isOk())
				.andExpect(shows("id=\"questionsRequired-error\">You ask for 3 questions but offer 2. Offer more "
						+ "questions or ask for fewer.</p>"))
				.andExpect(shows("<option value=\"3\" selected=\"selected\">"))
				.andExpect(content().string(checkbox(two.get(0), true)))
				.andExpect(content().string(checkbox(before.offered().get(2).id(), false)));

			assertThat(questionPolicy.current()).isEqualTo(before);
			assertThat(policyAudits()).doesNotContain(admin.id());
		}
		finally {
			questionPolicy.save(admin.id(), before.questionsRequired(), Set.copyOf(offeredIds(before)));
		}
	}

	@Test
	void saveWhenTheNumberIsOutOfRangeThenRefused() throws Exception {
		QuestionRules before = questionPolicy.current();

		for (String number : new String[] { "0", "6", "" }) {
			mvc.perform(policyForm(admin, number, offeredIds(before)))
				.andExpect(status().isOk())
				.andExpect(shows("id=\"questionsRequired-error\">Choose a number from 1 to 5.</p>"));
		}

		assertThat(questionPolicy.current()).isEqualTo(before);
	}

	@Test
	void saveWhenValidThenPeopleAnswerThatManyOfTheQuestionsStillOffered() throws Exception {
		QuestionRules before = questionPolicy.current();
		List<Long> offered = offeredIds(before);
		long switchedOff = offered.get(0);
		SignedInUser employee = newEmployee();
		try {
			TestBrowser browser = new TestBrowser(mvc);
			browser.perform(policyForm(admin, 4, offered.subList(1, offered.size())))
				.andExpect(redirectedUrl("/admin/questions"))
				.andExpect(flash().attribute("notice", "questions.admin.saved"));
			browser.perform(get("/admin/questions").with(signedIn(admin)))
				.andExpect(shows("The security questions policy was saved."))
				.andExpect(shows("<option value=\"4\" selected=\"selected\">"))
				.andExpect(content().string(checkbox(switchedOff, false)));

			mvc.perform(get("/security-info/security-questions").with(signedIn(employee)))
				.andExpect(shows("Choose 4 different questions and answer each."))
				.andExpect(shows("<legend>Question 4</legend>"))
				.andExpect(doesNotShow("<option value=\"" + switchedOff + "\""));
			assertThat(jdbc.queryForList("select facts from audit_event where actor_account_id = ? and action = ?",
					String.class, admin.id(), "QUESTION_POLICY_CHANGED"))
				.containsExactly("questions-required=4&questions-offered=" + (offered.size() - 1)
						+ "&questions-known=" + questionPolicy.questions().size());
		}
		finally {
			questionPolicy.save(admin.id(), before.questionsRequired(), Set.copyOf(offered));
		}
		assertThat(questionPolicy.current()).isEqualTo(before);
	}

	@Test
	void addWhenANewQuestionIsWrittenThenItIsListedAsTheOrganizationsOwnAndOfferedToPeople() throws Exception {
		QuestionRules before = questionPolicy.current();
		String question = "What was your first job title (" + System.nanoTime() + ")?";
		SignedInUser employee = newEmployee();
		try {
			TestBrowser browser = new TestBrowser(mvc);
			browser.perform(post("/admin/questions/new").param("text", "  " + question + " ")
				.with(csrf())
				.with(signedIn(admin)))
				.andExpect(redirectedUrl("/admin/questions"));
			browser.perform(get("/admin/questions").with(signedIn(admin)))
				.andExpect(shows("The question was added and is offered to people."))
				.andExpect(content().string(questionRow(question, "Your own", true)));
			long id = jdbc.queryForObject("select id from security_question where question_text = ?", Long.class,
					question);

			mvc.perform(get("/security-info/security-questions").with(signedIn(employee)))
				.andExpect(shows("<option value=\"" + id + "\">" + question + "</option>"));
			MockHttpServletRequestBuilder answers = post("/security-info/security-questions");
			List<Long> picked = new ArrayList<>(offeredIds(before).subList(0,
					before.questionsRequired() - 1));
			picked.add(id);
			for (int i = 0; i < picked.size(); i++) {
				answers.param("answers[" + i + "].questionId", String.valueOf(picked.get(i)))
					.param("answers[" + i + "].answer", "answer " + i);
			}
			mvc.perform(answers.with(csrf()).with(signedIn(employee)))
				.andExpect(redirectedUrl("/security-info/security-questions/done"));
			assertThat(jdbc.queryForList("""
					select a.question_id from security_answer a join security_method m on m.id = a.method_id
					where m.account_id = ?""", Long.class, employee.id())).contains(id);
			assertThat(jdbc.queryForList("select facts from audit_event where actor_account_id = ? and action = ?",
					String.class, admin.id(), "QUESTION_POLICY_CHANGED"))
				.containsExactly("question=" + id + "&question-text=" + question);
		}
		finally {
			questionPolicy.save(admin.id(), before.questionsRequired(), Set.copyOf(offeredIds(before)));
		}
		assertThat(questionPolicy.current()).isEqualTo(before);
	}

	@Test
	void addWhenTheQuestionIsBlankOrAlreadyThereThenSaysSoAndAddsNothing() throws Exception {
		int questionsBefore = questionPolicy.questions().size();

		mvc.perform(post("/admin/questions/new").param("text", "   ").with(csrf()).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"text-error\">Enter the question.</p>"));
		mvc.perform(post("/admin/questions/new").param("text", "what was the NAME of your first pet?")
			.with(csrf())
			.with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"text-error\">This question is offered already.</p>"))
			.andExpect(shows("value=\"what was the NAME of your first pet?\""));
		mvc.perform(post("/admin/questions/new").param("text", "x".repeat(201)).with(csrf()).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"text-error\">Use at most 200 characters.</p>"));

		assertThat(questionPolicy.questions()).hasSize(questionsBefore);
	}

	private long firstQuestion() {
		return questionPolicy.questions().get(0).id();
	}

	private static List<Long> offeredIds(QuestionRules rules) {
		return rules.offered().stream().map(QuestionPolicy.Question::id).toList();
	}

	private static MockHttpServletRequestBuilder policyForm(SignedInUser user, Object questionsRequired,
			List<Long> enabledIds) {
		MockHttpServletRequestBuilder request = post("/admin/questions")
			.param("questionsRequired", String.valueOf(questionsRequired))
			.param("_enabledIds", "on");
		enabledIds.forEach(id -> request.param("enabledIds", String.valueOf(id)));
		return request.with(csrf()).with(signedIn(user));
	}

	private List<Long> policyAudits() {
		return jdbc.queryForList("select actor_account_id from audit_event where action = ?", Long.class,
				"QUESTION_POLICY_CHANGED");
	}

	/** The question's row: its box ticked or not, its text and its kind. */
	private static Matcher<String> questionRow(String text, String kind, boolean offered) {
		String withinRow = "(?:(?!</tr>).)*?";
		String box = "<input type=\"checkbox\"" + (offered ? "[^>]*checked=\"checked\"" : "(?![^>]*checked)")
				+ "[^>]*>";
		return matchesPattern(Pattern.compile(".*<tr id=\"question-\\d+\">" + withinRow + box + withinRow + ">"
				+ Pattern.quote(text) + "</td>" + withinRow + ">" + Pattern.quote(kind) + "</td>.*", Pattern.DOTALL));
	}

	/** The box of this question, ticked or not. */
	private static Matcher<String> checkbox(long questionId, boolean checked) {
		String box = "<input type=\"checkbox\"(?=[^>]*value=\"" + questionId + "\")"
				+ (checked ? "(?=[^>]*checked=\"checked\")" : "(?![^>]*checked)") + "[^>]*>";
		return matchesPattern(Pattern.compile(".*<tr id=\"question-" + questionId + "\">(?:(?!</tr>).)*?" + box
				+ ".*", Pattern.DOTALL));
	}

}
