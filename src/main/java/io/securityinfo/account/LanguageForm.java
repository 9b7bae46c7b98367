package io.securityinfo.account;

import java.util.Optional;

/** My Profile's language setting: a language's tag, or empty for the browser's language. */
class LanguageForm {

	private String language = "";

	static LanguageForm of(Optional<Language> chosen) {
		LanguageForm form = new LanguageForm();
		form.setLanguage(chosen.map(Language::tag).orElse(""));
		return form;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language == null ? "" : language.strip();
	}

}
