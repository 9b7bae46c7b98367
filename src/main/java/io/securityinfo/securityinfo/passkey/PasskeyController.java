package io.securityinfo.securityinfo.passkey;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.passkey.Passkey;
import io.securityinfo.passkey.PasskeyLimitReachedException;
import io.securityinfo.passkey.PasskeyRefusedException;
import io.securityinfo.passkey.Passkeys;
import io.securityinfo.securityinfo.LastTwoStepMethodException;
import io.securityinfo.securityinfo.MethodNotAllowedException;

/**
 * The passkey pages of Security info: the list (name, added, last used; rename, delete, add another), "Add a
 * passkey" (a short explanation and a name; "Next" opens the browser's prompt, {@code /js/passkey.js} posts its
 * answer here), rename and delete. All of it is behind step-up, as every change of security info.
 */
@Controller
@RequestMapping(PasskeyMethodType.PATH)
class PasskeyController {

	private final PasskeyRegistration registration;

	private final MessageSource messages;

	PasskeyController(PasskeyRegistration registration, MessageSource messages) {
		this.registration = registration;
		this.messages = messages;
	}

	@GetMapping
	String list(@CurrentUser SignedInUser user, Model model, HttpServletRequest request) {
		var passkeys = registration.list(user);
		if (passkeys.isEmpty()) {
			return "redirect:" + PasskeyMethodType.PATH + "/new";
		}
		if (request.getParameter("added") != null) {
			model.addAttribute("notice", "passkey.added");
		}
		model.addAttribute("passkeys", passkeys);
		model.addAttribute("full", registration.isFull(user));
		model.addAttribute("maxPerPerson", registration.maxPerPerson());
		return "securityinfo/passkeys";
	}

	/** "Add a passkey": why, and a name to give it, suggested from the device the browser runs on. */
	@GetMapping("/new")
	String initAdd(@CurrentUser SignedInUser user, @RequestHeader(name = "User-Agent", required = false) String agent,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (!registration.isAllowed(user.id())) {
			redirect.addFlashAttribute("problem", "passkey.not-allowed");
			return "redirect:/security-info/add";
		}
		if (registration.isFull(user)) {
			redirect.addFlashAttribute("problem", "passkey.limit-reached");
			redirect.addFlashAttribute("problemArg", registration.maxPerPerson());
			return "redirect:" + PasskeyMethodType.PATH;
		}
		PasskeyNameForm form = new PasskeyNameForm();
		String device = DeviceNames.deviceKind(agent);
		form.setName(device == null ? messages.getMessage("passkey.default-name.none", null, locale)
				: messages.getMessage("passkey.default-name", new Object[] { device }, locale));
		model.addAttribute("nameForm", form);
		model.addAttribute("hasPasskeys", !registration.list(user).isEmpty());
		return "securityinfo/passkey-new";
	}

	/**
	 * The browser's answer to the registration prompt, posted by the page's script with the CSRF header: JSON
	 * {@code {"credential": PublicKeyCredential, "name": "…"}}. Answers where to go next, or the problem in the
	 * page's language.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> register(@CurrentUser SignedInUser user, @RequestBody JsonNode body,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String name = body.path("name").asString("").strip();
		if (name.isEmpty()) {
			name = messages.getMessage("passkey.default-name.none", null, locale);
		}
		if (name.length() > Passkeys.NAME_LENGTH) {
			return problem(HttpStatus.BAD_REQUEST, "passkey.name.too-long", locale);
		}
		try {
			registration.register(user, request, response, body.path("credential").toString(), name);
		}
		catch (PasskeyLimitReachedException ex) {
			return problem(HttpStatus.CONFLICT, "passkey.limit-reached", locale, ex.limit());
		}
		catch (MethodNotAllowedException ex) {
			return problem(HttpStatus.FORBIDDEN, "passkey.not-allowed", locale);
		}
		catch (PasskeyRefusedException ex) {
			return problem(HttpStatus.BAD_REQUEST, "passkey.refused", locale);
		}
		return ResponseEntity.ok(Map.of("redirectUrl", request.getContextPath() + PasskeyMethodType.PATH + "?added=1"));
	}

	@GetMapping("/{passkeyId}/rename")
	String initRename(@CurrentUser SignedInUser user, @PathVariable String passkeyId, Model model) {
		Passkey passkey = registration.get(user, passkeyId);
		PasskeyNameForm form = new PasskeyNameForm();
		form.setName(passkey.name());
		model.addAttribute("passkey", passkey);
		model.addAttribute("nameForm", form);
		return "securityinfo/passkey-rename";
	}

	@PostMapping("/{passkeyId}/rename")
	String rename(@CurrentUser SignedInUser user, @PathVariable String passkeyId,
			@Valid @ModelAttribute("nameForm") PasskeyNameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Passkey passkey = registration.get(user, passkeyId);
		if (result.hasErrors()) {
			model.addAttribute("passkey", passkey);
			return "securityinfo/passkey-rename";
		}
		registration.rename(user, passkeyId, form.getName());
		redirect.addFlashAttribute("notice", "passkey.renamed");
		return "redirect:" + PasskeyMethodType.PATH;
	}

	@GetMapping("/{passkeyId}/delete")
	String confirmDelete(@CurrentUser SignedInUser user, @PathVariable String passkeyId, Model model) {
		model.addAttribute("passkey", registration.get(user, passkeyId));
		model.addAttribute("last", registration.list(user).size() == 1);
		return "securityinfo/passkey-delete";
	}

	@PostMapping("/{passkeyId}/delete")
	String delete(@CurrentUser SignedInUser user, @PathVariable String passkeyId, RedirectAttributes redirect) {
		boolean last = registration.list(user).size() == 1;
		try {
			registration.delete(user, passkeyId);
		}
		catch (LastTwoStepMethodException ex) {
			redirect.addFlashAttribute("problem", "delete.last-two-step-method");
			return "redirect:" + PasskeyMethodType.PATH;
		}
		redirect.addFlashAttribute("notice", "passkey.deleted");
		return "redirect:" + (last ? "/security-info" : PasskeyMethodType.PATH);
	}

	private ResponseEntity<Map<String, String>> problem(HttpStatus status, String key, Locale locale,
			Object... arguments) {
		return ResponseEntity.status(status).body(Map.of("problem", messages.getMessage(key, arguments, locale)));
	}

}
