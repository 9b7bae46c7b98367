package io.securityinfo.account;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My Profile": the home page after sign-in. */
@Controller
class ProfileController {

	static final int RECENT_ACTIVITY_SHOWN = 5;

	static final String LANGUAGE_PATH = "/profile/language";

	private final RecentActivity recentActivity;

	private final LanguageResolver languages;

	ProfileController(RecentActivity recentActivity, LanguageResolver languages) {
		this.recentActivity = recentActivity;
		this.languages = languages;
	}

	@GetMapping("/")
	String profile(@CurrentUser SignedInUser user, HttpServletRequest request, Locale locale, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("recentActivity", recentActivity.newest(user.id(), RECENT_ACTIVITY_SHOWN, locale));
		model.addAttribute("languageForm", LanguageForm.of(languages.chosen(request)));
		return "account/profile";
	}

	/** Saves the person's language (or none: the browser's then) for pages, texts, calls and mails. */
	@PostMapping(LANGUAGE_PATH)
	String processLanguageForm(@ModelAttribute LanguageForm form, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Language> language = Language.ofTag(form.getLanguage());
		if (language.isEmpty() && !form.getLanguage().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		languages.setLocale(request, response, language.map(Language::locale).orElse(null));
		redirect.addFlashAttribute("notice", "profile.language.saved");
		return "redirect:/";
	}

}
