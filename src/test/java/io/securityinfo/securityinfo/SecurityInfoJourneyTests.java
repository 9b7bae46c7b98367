package io.securityinfo.securityinfo;

import static io.securityinfo.Journey.form;
import static io.securityinfo.Journey.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.JourneyFixture;
import io.securityinfo.JourneyTest;
import io.securityinfo.account.Role;
import io.securityinfo.sms.CapturingSmsGateway;

/**
 * The journey that matters most, through the pages as a browser sees them over real HTTP: sign in, add a phone
 * with the code the text brought, change the default, delete the phone.
 */
@JourneyTest
class SecurityInfoJourneyTests extends JourneyFixture {

	@Autowired
	CapturingSmsGateway sms;

	@Test
	void addPhoneByTextThenChangeDefaultThenDeleteIt() throws IOException {
		accounts.createIfAbsent("journey@example.com", "Jo Urney", PASSWORD, Role.EMPLOYEE);

		HtmlPage profile = signIn("journey@example.com");
		assertThat(profile.querySelector("h1").getTextContent()).isEqualTo("My Profile");

		HtmlPage securityInfo = profile.getAnchorByText("Update info").click();
		assertThat(securityInfo.querySelector("h1").getTextContent()).isEqualTo("Security info");
		assertThat(securityInfo.asNormalizedText())
			.contains("These are the methods you use to sign into your account or reset your password.")
			.contains("Default sign-in method: None yet");

		HtmlPage addMethod = securityInfo.getAnchorByText("+ Add method").click();
		assertThat(addMethod.asNormalizedText()).contains("Which method would you like to add?");
		HtmlForm addForm = form(addMethod, "/security-info/add");
		addForm.getSelectByName("type").setSelectedAttribute("PHONE", true);
		HtmlPage phonePage = press(addForm, "Add");

		assertThat(phonePage.asNormalizedText()).contains("What phone number would you like to use?")
			.contains("Text me a code")
			.contains("Call me")
			.contains("Message and data rates may apply.");
		HtmlForm phoneForm = form(phonePage, "/security-info/phone");
		phoneForm.getSelectByName("region").setSelectedAttribute("NL", true);
		phoneForm.getInputByName("number").setValue("06 12345678");
		HtmlPage codePage = press(phoneForm, "Next");

		assertThat(codePage.asNormalizedText())
			.contains("We just sent a 6 digit code to +31 6 12345678. Enter the code below.");
		assertThat(sms.sent().get(sms.sent().size() - 1).text())
			.startsWith("Your Security info verification code is ")
			.contains("Don't share it with anyone.")
			.endsWith("\n\n@localhost #" + sms.lastCodeTo("+31612345678"));
		HtmlForm codeForm = form(codePage,
				codePage.<HtmlForm>getFirstByXPath("//form[.//input[@name='code']]").getActionAttribute());
		assertThat(codeForm.getInputByName("code").getAttribute("autocomplete")).isEqualTo("one-time-code");
		codeForm.getInputByName("code").setValue(sms.lastCodeTo("+31612345678"));
		HtmlPage done = press(codeForm, "Next");

		assertThat(done.asNormalizedText()).contains("SMS verified. Your phone was registered successfully.");
		securityInfo = done.getAnchorByText("Done").click();
		assertThat(securityInfo.asNormalizedText()).contains("Default sign-in method: Phone - text +31 6 12345678");
		assertThat(securityInfo.querySelectorAll("table.methods tr")).singleElement()
			.extracting(row -> row.asNormalizedText().replaceAll("\\s+", " "))
			.isEqualTo("Phone +31 6 12345678 Sign-in and password reset Change Delete");

		HtmlPage changeDefault = securityInfo.getAnchorByText("Change").click();
		HtmlForm defaultForm = form(changeDefault, "/security-info/default");
		HtmlSelect choices = defaultForm.getSelectByName("choice");
		assertThat(choices.getOptions()).extracting(option -> option.getText())
			.containsExactly("Phone - text +31 6 12345678", "Phone - call +31 6 12345678");
		choices.getOptionByText("Phone - call +31 6 12345678").setSelected(true);
		securityInfo = press(defaultForm, "Confirm");
		assertThat(securityInfo.asNormalizedText()).contains("Your default sign-in method was changed.")
			.contains("Default sign-in method: Phone - call +31 6 12345678");

		HtmlPage confirmDelete = securityInfo.getAnchorByText("Delete").click();
		assertThat(confirmDelete.asNormalizedText())
			.contains("Are you sure you would like to delete the Phone method for this account?")
			.contains("This is your default sign-in method. You will have no default sign-in method.");
		securityInfo = press(confirmDelete, "Yes");

		assertThat(securityInfo.asNormalizedText()).contains("The method was deleted.")
			.contains("Default sign-in method: None yet")
			.contains("You haven't added any methods yet.");
		assertThat(jdbc.queryForList("""
				select m.type from security_method m join account a on a.id = m.account_id
				where a.email = 'journey@example.com'""", String.class)).isEmpty();
		List<String> audited = jdbc.queryForList("""
				select e.action from audit_event e join account a on a.id = e.subject_account_id
				where a.email = 'journey@example.com' order by e.id""", String.class);
		assertThat(audited).containsExactly("CODE_SENT", "CODE_VERIFIED", "METHOD_ADDED", "DEFAULT_METHOD_CHANGED",
				"DEFAULT_METHOD_CHANGED", "METHOD_DELETED");
	}

	@Test
	void signInWithWrongPasswordKeepsTheEmailAndSaysWhy() throws IOException {
		HtmlPage signInPage = browser.getPage(url("/login"));
		HtmlForm form = signInPage.getForms().get(0);
		form.getInputByName("email").setValue("alice@example.com");
		form.getInputByName("password").setValue("not-the-password");
		HtmlPage again = press(form, "Sign in");

		assertThat(again.asNormalizedText())
			.contains("That email and password don't match an account. Check them and try again.");
		assertThat(again.getForms().get(0).getInputByName("email").getValue()).isEqualTo("alice@example.com");
		assertThat(again.getForms().get(0).getInputByName("password").getValue()).isEmpty();
	}

	private HtmlPage signIn(String email) throws IOException {
		HtmlPage signInPage = browser.getPage(url("/login"));
		assertThat(signInPage.asNormalizedText()).contains("Email").contains("Password");
		HtmlForm form = signInPage.getForms().get(0);
		form.getInputByName("email").setValue(email);
		form.getInputByName("password").setValue(PASSWORD);
		return press(form, "Sign in");
	}

}
