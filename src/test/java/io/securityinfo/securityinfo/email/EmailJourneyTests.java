package io.securityinfo.securityinfo.email;

import static io.securityinfo.Journey.form;
import static io.securityinfo.Journey.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.Journey;
import io.securityinfo.JourneyFixture;
import io.securityinfo.JourneyTest;
import io.securityinfo.account.Role;
import io.securityinfo.email.CapturingEmailGateway;

/**
 * The email for password reset, through the pages as a browser sees them over real HTTP: add it with the code the
 * email brought, see it listed for password reset only and never offered as the default, change it, delete it.
 */
@JourneyTest
class EmailJourneyTests extends JourneyFixture {

	@Autowired
	CapturingEmailGateway email;

	@Test
	void addEmailThenChangeItThenDeleteIt() throws IOException {
		accounts.createIfAbsent("email-journey@example.com", "Em Ail", PASSWORD, Role.EMPLOYEE);
		HtmlPage securityInfo = signIn("email-journey@example.com").getAnchorByText("Update info").click();

		HtmlPage addMethod = securityInfo.getAnchorByText("+ Add method").click();
		HtmlForm addForm = form(addMethod, "/security-info/add");
		addForm.getSelectByName("type").setSelectedAttribute("EMAIL", true);
		HtmlPage emailPage = press(addForm, "Add");
		assertThat(emailPage.asNormalizedText()).contains("What email would you like to use?");

		HtmlForm emailForm = form(emailPage, "/security-info/email");
		emailForm.getInputByName("email").setValue("email-journey@example.com");
		HtmlPage refused = press(emailForm, "Next");
		assertThat(refused.asNormalizedText()).contains("Use an email other than your work email.");

		HtmlPage codePage = enterAddressAndPressNext(refused, "em.ail@home.example");
		assertThat(codePage.asNormalizedText()).contains("We just sent a code to em.ail@home.example.");
		HtmlPage done = enterCodeAndPressNext(codePage, email.lastCodeTo("em.ail@home.example"));
		assertThat(done.asNormalizedText()).contains("Email verified. Your email was registered successfully.");

		securityInfo = done.getAnchorByText("Done").click();
		assertThat(securityInfo.asNormalizedText()).contains("Default sign-in method: None yet");
		assertThat(securityInfo.getAnchors()).filteredOn(anchor -> anchor.asNormalizedText().equals("Change"))
			.singleElement()
			.extracting(anchor -> anchor.getHrefAttribute())
			.isEqualTo("/security-info/email");
		assertThat(securityInfo.querySelectorAll("table.methods tr")).singleElement()
			.extracting(row -> row.asNormalizedText().replaceAll("\\s+", " "))
			.isEqualTo("Email em.ail@home.example Password reset only Change Delete");

		HtmlPage changePage = securityInfo.getAnchorByText("Change").click();
		codePage = enterAddressAndPressNext(changePage, "Em.Ail@New-Home.example");
		assertThat(codePage.asNormalizedText()).contains("We just sent a code to em.ail@new-home.example.");
		securityInfo = enterCodeAndPressNext(codePage, email.lastCodeTo("em.ail@new-home.example"))
			.getAnchorByText("Done")
			.click();
		assertThat(securityInfo.querySelectorAll("table.methods tr")).singleElement()
			.extracting(row -> row.asNormalizedText().replaceAll("\\s+", " "))
			.isEqualTo("Email em.ail@new-home.example Password reset only Change Delete");

		HtmlPage confirmDelete = securityInfo.getAnchorByText("Delete").click();
		assertThat(confirmDelete.asNormalizedText())
			.contains("Are you sure you would like to delete the Email method for this account?");
		securityInfo = press(confirmDelete, "Yes");
		assertThat(securityInfo.asNormalizedText()).contains("The method was deleted.")
			.contains("You haven't added any methods yet.");

		List<String> audited = jdbc.queryForList("""
				select e.action || ' ' || coalesce(e.method_type, e.method_mode) || ' ' || e.target
				       || coalesce(' ' || e.facts, '')
				from audit_event e join account a on a.id = e.subject_account_id
				where a.email = 'email-journey@example.com' order by e.id""", String.class);
		assertThat(audited).containsExactly("CODE_SENT EMAIL e***@home.example", "CODE_VERIFIED EMAIL e***@home.example",
				"METHOD_ADDED EMAIL e***@home.example", "CODE_SENT EMAIL e***@new-home.example",
				"CODE_VERIFIED EMAIL e***@new-home.example",
				"METHOD_CHANGED EMAIL e***@new-home.example was=e***@home.example",
				"METHOD_DELETED EMAIL e***@new-home.example");
	}

	private HtmlPage enterAddressAndPressNext(HtmlPage emailPage, String address) throws IOException {
		HtmlForm emailForm = form(emailPage, "/security-info/email");
		emailForm.getInputByName("email").setValue(address);
		return press(emailForm, "Next");
	}

	private static HtmlPage enterCodeAndPressNext(HtmlPage codePage, String code) throws IOException {
		HtmlForm codeForm = codePage.getFirstByXPath("//form[.//input[@name='code']]");
		assertThat(codeForm.getInputByName("code").getAttribute("autocomplete")).isEqualTo("one-time-code");
		codeForm.getInputByName("code").setValue(code);
		return press(codeForm, "Next");
	}

	private HtmlPage signIn(String email) throws IOException {
		return Journey.signIn(browser, url("/login"), email, PASSWORD);
	}

}
