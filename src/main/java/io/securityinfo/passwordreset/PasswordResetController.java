package io.securityinfo.passwordreset;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import io.securityinfo.account.NewPasswordForm;
import io.securityinfo.passwordreset.PasswordResets.Outcome;
import io.securityinfo.passwordreset.PasswordResets.ResetNotFoundException;
import io.securityinfo.passwordreset.PasswordResets.ResetView;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * "Forgot my password": the email, one or two methods proven, the new password. The reset's id lives in the
 * session only, never in a URL; its state is on the server ({@link PasswordResets}).
 */
@Controller
@RequestMapping(PasswordResetController.PAGE)
class PasswordResetController {

	static final String PAGE = "/password-reset";

	static final String RESET_ATTRIBUTE = PasswordResetController.class.getName() + ".reset";

	private static final String VERIFY = "redirect:" + PAGE + "/verify";

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping
	String initEmailForm(Model model) {
		model.addAttribute("emailForm", new EmailForm());
		return "passwordreset/email";
	}

	@PostMapping
	String processEmailForm(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result,
			HttpServletRequest request, HttpSession session) {
		if (result.hasErrors()) {
			return "passwordreset/email";
		}
		Optional<String> resetId = resets.start(form.getEmail(), request.getRemoteAddr());
		if (resetId.isEmpty()) {
			result.rejectValue("email", "passwordreset.limited");
			return "passwordreset/email";
		}
		session.setAttribute(RESET_ATTRIBUTE, resetId.get());
		return VERIFY;
	}

	@GetMapping("/verify")
	String showOptions(HttpSession session, Model model) {
		ResetView reset = resets.view(resetId(session));
		if (reset.status() != PasswordReset.Status.OPEN) {
			return "redirect:" + PAGE + "/new-password";
		}
		model.addAttribute("reset", reset);
		return "passwordreset/verify";
	}

	@GetMapping("/verify/{slug}")
	String initOptionForm(@PathVariable String slug, HttpSession session, Model model) {
		ResetOption option = offered(slug, session);
		if (option.sendsCode()) {
			model.addAttribute("destinationForm", new DestinationForm());
			return destinationPage(option, model);
		}
		if (option.proof() == ResetWay.Proof.APP_CODE) {
			model.addAttribute("codeForm", new CodeForm());
			return "passwordreset/app";
		}
		model.addAttribute("answersForm", AnswersForm.ofRows(resets.questionsRequired()));
		return questionsPage(model);
	}

	@PostMapping(path = "/verify/{slug}", params = "destination")
	String processDestinationForm(@PathVariable String slug, @Valid @ModelAttribute DestinationForm form,
			BindingResult result, HttpSession session, Model model) {
		ResetOption option = offered(slug, session);
		if (!option.sendsCode()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (result.hasErrors()) {
			return destinationPage(option, model);
		}
		try {
			if (!resets.sendCode(resetId(session), option, form.getDestination())) {
				result.rejectValue("destination", option.codeWords().formatKey());
				return destinationPage(option, model);
			}
		}
		catch (VerificationRefusedException ex) {
			result.reject(ex.refusal().messageKey(), new Object[] { ex.secondsToWait() }, null);
			return destinationPage(option, model);
		}
		return "redirect:" + PAGE + "/verify/" + option.slug() + "/code";
	}

	@PostMapping(path = "/verify/app", params = "code")
	String processAppCodeForm(@Valid @ModelAttribute CodeForm form, BindingResult result, HttpSession session) {
		offered(resets.option(ResetWay.Proof.APP_CODE).slug(), session);
		if (result.hasErrors()) {
			return "passwordreset/app";
		}
		return next(resets.checkAppCode(resetId(session), form.getCode()), result, "code", "passwordreset/app",
				session);
	}

	@PostMapping(path = "/verify/questions")
	String processAnswersForm(@ModelAttribute AnswersForm form, BindingResult result, HttpSession session,
			Model model) {
		offered(resets.option(ResetWay.Proof.ANSWERS).slug(), session);
		int required = resets.questionsRequired();
		if (form.getAnswers().size() != required) {
			form.resize(required);
			return questionsPage(model);
		}
		Outcome outcome = resets.checkAnswers(resetId(session), form.byQuestion());
		form.resize(required);
		if (outcome == Outcome.WRONG) {
			result.reject("passwordreset.answers.wrong");
			return questionsPage(model);
		}
		return next(outcome, result, null, null, session);
	}

	@GetMapping("/verify/{slug}/code")
	String initCodeForm(@PathVariable String slug, HttpSession session, Model model) {
		ResetOption option = awaitingCode(slug, session, model);
		model.addAttribute("codeForm", new CodeForm());
		return codePage(option, model);
	}

	@PostMapping("/verify/{slug}/code")
	String processCodeForm(@PathVariable String slug, @Valid @ModelAttribute CodeForm form, BindingResult result,
			HttpSession session, Model model) {
		ResetOption option = awaitingCode(slug, session, model);
		if (result.hasErrors()) {
			return codePage(option, model);
		}
		return next(resets.checkCode(resetId(session), option, form.getCode()), result, "code",
				codePage(option, model), session);
	}

	@GetMapping("/new-password")
	String initNewPasswordForm(HttpSession session, Model model) {
		verified(session);
		model.addAttribute("newPasswordForm", new NewPasswordForm());
		return "passwordreset/new-password";
	}

	@PostMapping("/new-password")
	String processNewPasswordForm(@Valid @ModelAttribute NewPasswordForm form, BindingResult result,
			HttpServletRequest request, HttpSession session) {
		verified(session);
		form.rejectMismatch(result);
		if (result.hasErrors()) {
			return "passwordreset/new-password";
		}
		Optional<String> refusal = resets.complete(resetId(session), form.getNewPassword(), request.getRemoteAddr());
		if (refusal.isPresent()) {
			result.rejectValue("newPassword", refusal.get());
			return "passwordreset/new-password";
		}
		return "redirect:" + PAGE + "/done";
	}

	@GetMapping("/done")
	String showDone(HttpSession session) {
		Object resetId = session.getAttribute(RESET_ATTRIBUTE);
		if (!(resetId instanceof String id) || !resets.isCompleted(id)) {
			throw new ResetNotFoundException();
		}
		session.removeAttribute(RESET_ATTRIBUTE);
		return "passwordreset/done";
	}

	/** A reset that expired, ended or was never started: start again, and say why. */
	@ExceptionHandler(ResetNotFoundException.class)
	String startAgain(HttpSession session) {
		session.removeAttribute(RESET_ATTRIBUTE);
		return "redirect:" + PAGE + "?expired";
	}

	private String next(Outcome outcome, BindingResult result, String field, String wrongView, HttpSession session) {
		return switch (outcome) {
			case NEXT_METHOD -> VERIFY;
			case VERIFIED -> "redirect:" + PAGE + "/new-password";
			case ENDED -> {
				session.removeAttribute(RESET_ATTRIBUTE);
				yield "redirect:" + PAGE + "?ended";
			}
			case WRONG -> {
				result.rejectValue(field, "passwordreset.code.wrong");
				yield wrongView;
			}
		};
	}

	/** The option, when the reset is open and offers it; else 404 for an option there is not, or start again. */
	private ResetOption offered(String slug, HttpSession session) {
		ResetOption option = option(slug);
		return offered(option, resets.view(resetId(session)));
	}

	/** The option whose code was sent last; the code page says where it went. */
	private ResetOption awaitingCode(String slug, HttpSession session, Model model) {
		ResetOption option = option(slug);
		ResetView reset = resets.view(resetId(session));
		if (!offered(option, reset).equals(reset.pendingOption())) {
			throw new ResetNotFoundException();
		}
		model.addAttribute("reset", reset);
		return option;
	}

	private ResetOption option(String slug) {
		return resets.option(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static ResetOption offered(ResetOption option, ResetView reset) {
		if (reset.status() != PasswordReset.Status.OPEN) {
			throw new ResetNotFoundException();
		}
		if (!reset.options().contains(option)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return option;
	}

	private void verified(HttpSession session) {
		if (resets.view(resetId(session)).status() != PasswordReset.Status.VERIFIED) {
			throw new ResetNotFoundException();
		}
	}

	private String destinationPage(ResetOption option, Model model) {
		model.addAttribute("option", option);
		return "passwordreset/destination";
	}

	private String codePage(ResetOption option, Model model) {
		model.addAttribute("option", option);
		return "passwordreset/code";
	}

	private String questionsPage(Model model) {
		model.addAttribute("questions", resets.questionsOffered());
		return "passwordreset/questions";
	}

	private static String resetId(HttpSession session) {
		if (session.getAttribute(RESET_ATTRIBUTE) instanceof String resetId) {
			return resetId;
		}
		throw new ResetNotFoundException();
	}

}
