package io.securityinfo.twostep;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.SignInOption;
import io.securityinfo.securityinfo.SignInOrder;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * The challenge page: asks for a code of the person's strongest sign-in method, or their default one when the
 * administrator switched "the strongest method first" off (a text or a call is sent when the page first opens for
 * it), says why that one, lets them pick another of their methods ("Sign in another way") and ask for a new code. The code itself is posted to {@link SecondFactorFilter}.
 */
@Controller
@RequestMapping(TwoStepController.PAGE)
class TwoStepController {

	static final String PAGE = "/two-step";

	private final SecurityInfo securityInfo;

	private final VerificationCodes codes;

	private final SecondFactors secondFactors;

	TwoStepController(SecurityInfo securityInfo, VerificationCodes codes, SecondFactors secondFactors) {
		this.securityInfo = securityInfo;
		this.codes = codes;
		this.secondFactors = secondFactors;
	}

	@GetMapping
	String challenge(@CurrentUser SignedInUser user, HttpSession session, Authentication authentication,
			HttpServletRequest request, Model model) {
		SignInOrder order = securityInfo.signInOrder(user.id());
		List<SignInOption> options = order.options();
		if (options.isEmpty()) {
			return "redirect:" + TwoStepSecurity.PASSWORD_AGAIN_PAGE;
		}
		SignInOption option = current(session, options).orElse(options.get(0));
		if (option.equals(order.first()) || order.reason() == SignInOrder.Reason.PHISHING_RESISTANT) {
			// Why this method: the strongest they have, their default, or the only kind the policy accepts of them.
			model.addAttribute("why", order.reason().messageKey());
		}
		TwoStepSession.Attempt attempt = TwoStepSession.attempt(session);
		if (attempt == null || !attempt.isFor(option.methodId(), option.mode())) {
			attempt = new TwoStepSession.Attempt(option.methodId(), option.mode(), null);
		}
		if (option.mode().sendsCode() && attempt.challengeId() == null) {
			try {
				ChallengeView sent = codes.start(user.id(), option.mode().channel(),
						option.destination());
				attempt = attempt.withChallenge(sent.id());
			}
			catch (VerificationRefusedException ex) {
				model.addAttribute("problem", ex.refusal().messageKey());
				model.addAttribute("problemArg", ex.secondsToWait());
			}
		}
		TwoStepSession.remember(session, attempt);
		TwoStepCodeForm form = new TwoStepCodeForm();
		model.addAttribute("codeForm", form);
		if (SecondFactorAuthenticationProvider.PHISHING_RESISTANT_REQUIRED
			.equals(model.getAttribute(SecondFactorFilter.FAILURE_KEY))) {
			// A code refused because only a passkey will do: said above the page, whose passkey has no code field.
			model.addAttribute("problem", SecondFactorAuthenticationProvider.PHISHING_RESISTANT_REQUIRED);
		}
		else if (model.getAttribute(SecondFactorFilter.FAILURE_KEY) instanceof String refusal) {
			// The code form's filter refused the code: its message beside the field, the typed code kept.
			form.setCode((String) model.getAttribute(SecondFactorFilter.TYPED_CODE));
			BindingResult result = new BeanPropertyBindingResult(form, "codeForm");
			result.rejectValue("code", refusal, (Object[]) model.getAttribute(SecondFactorFilter.FAILURE_ARGUMENTS),
					null);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "codeForm", result);
		}
		return view(option, options, authentication, request, model);
	}

	/** "I can't use my … right now": the person's other methods. */
	@GetMapping("/other")
	String otherMethods(@CurrentUser SignedInUser user, HttpSession session, Authentication authentication,
			HttpServletRequest request, Model model) {
		List<SignInOption> options = securityInfo.signInOptions(user.id());
		SignInOption current = current(session, options).orElse(options.isEmpty() ? null : options.get(0));
		model.addAttribute("options",
				options.stream().filter(option -> current == null || !option.equals(current)).toList());
		model.addAttribute("signingIn", isSigningIn(authentication, request));
		return "twostep/other";
	}

	/** Another method from "I can't use my … right now"; one that is not this person's answers 404. */
	@PostMapping("/method")
	String chooseMethod(@CurrentUser SignedInUser user, @RequestParam(defaultValue = "") String choice,
			HttpSession session, RedirectAttributes redirect) {
		Optional<SignInOption> found = securityInfo.signInOptions(user.id())
			.stream()
			.filter(option -> option.value().equals(choice))
			.findFirst();
		if (found.isEmpty() && securityInfo.mustSignInPhishingResistantly(user.id())) {
			// One of their methods, but not one the policy accepts of them: say why rather than "not found".
			redirect.addFlashAttribute("problem", SecondFactorAuthenticationProvider.PHISHING_RESISTANT_REQUIRED);
			return "redirect:" + PAGE;
		}
		SignInOption chosen = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		TwoStepSession.remember(session, new TwoStepSession.Attempt(chosen.methodId(), chosen.mode(), null));
		return "redirect:" + PAGE;
	}

	/** "Send a new code": another code for the open challenge, or a new challenge once it has closed. */
	@PostMapping("/resend")
	String resend(@CurrentUser SignedInUser user, HttpSession session, RedirectAttributes redirect) {
		TwoStepSession.Attempt attempt = TwoStepSession.attempt(session);
		if (attempt == null || attempt.challengeId() == null) {
			return "redirect:" + PAGE;
		}
		try {
			codes.resend(user.id(), attempt.challengeId());
			redirect.addFlashAttribute("notice", "code.resent");
		}
		catch (VerificationRefusedException ex) {
			if (ex.refusal() == Refusal.CHALLENGE_CLOSED) {
				// The challenge ended (expired, or too many wrong codes): the page opens a new one.
				TwoStepSession.remember(session, attempt.withChallenge(null));
			}
			else {
				waitOrProblem(ex, redirect);
			}
		}
		return "redirect:" + PAGE;
	}

	private String view(SignInOption option, List<SignInOption> options, Authentication authentication,
			HttpServletRequest request, Model model) {
		model.addAttribute("option", option);
		model.addAttribute("hasOtherOptions", options.size() > 1);
		model.addAttribute("signingIn", isSigningIn(authentication, request));
		model.addAttribute("canResend", option.mode().sendsCode());
		return "twostep/challenge";
	}

	private boolean isSigningIn(Authentication authentication, HttpServletRequest request) {
		return TwoStepSession.isRequired(request) && !secondFactors.isGivenIn(authentication);
	}

	private static Optional<SignInOption> current(HttpSession session, List<SignInOption> options) {
		TwoStepSession.Attempt attempt = TwoStepSession.attempt(session);
		return attempt == null ? Optional.empty()
				: options.stream().filter(option -> attempt.isFor(option.methodId(), option.mode())).findFirst();
	}

	/**
	 * A refused "Resend code": too soon shows beside the button, which looks disabled ({@code resendWait}, the
	 * seconds to wait; {@code fragments/pages :: resendButton}); any other refusal above the page.
	 */
	private static void waitOrProblem(VerificationRefusedException ex, RedirectAttributes redirect) {
		if (ex.refusal() == Refusal.COOLDOWN) {
			redirect.addFlashAttribute("resendWait", ex.secondsToWait());
		}
		else {
			redirect.addFlashAttribute("problem", ex.refusal().messageKey());
			redirect.addFlashAttribute("problemArg", ex.secondsToWait());
		}
	}

}
