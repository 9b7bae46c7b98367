package io.securityinfo.notification;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "This wasn't me": the link of a change notification, open without signing in (whoever made the change may hold
 * the person's password). Opening it only asks to confirm, so that a mail scanner following links changes nothing;
 * the post ends every session of the person and tells them to contact their administrator.
 */
@Controller
@RequestMapping("/not-me")
class NotMeController {

	static final String REPORTED_PAGE = "/not-me/reported";

	private final NotMeLinks links;

	NotMeController(NotMeLinks links) {
		this.links = links;
	}

	@GetMapping("/{token}")
	String initConfirmation(@PathVariable String token, Model model, HttpServletResponse response) {
		NotMeLinks.State state = links.state(token);
		if (state != NotMeLinks.State.VALID) {
			return unusable(state, model, response);
		}
		model.addAttribute("token", token);
		return "notification/not-me";
	}

	@PostMapping("/{token}")
	String processConfirmation(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		NotMeLinks.State state = links.report(token);
		if (state != NotMeLinks.State.REPORTED) {
			return unusable(state, model, response);
		}
		// If this browser was signed in as the person, its session is gone from the database already; ending it
		// here too keeps the end of the request from writing it back.
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:" + REPORTED_PAGE;
	}

	@GetMapping("/reported")
	String reported() {
		return "notification/not-me-reported";
	}

	private static String unusable(NotMeLinks.State state, Model model, HttpServletResponse response) {
		response.setStatus(state == NotMeLinks.State.INVALID ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_GONE);
		model.addAttribute("reasonKey", "notme.unusable." + state.name().toLowerCase(Locale.ROOT));
		return "notification/not-me-unusable";
	}

}
