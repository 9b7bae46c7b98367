package io.securityinfo.securityinfo.questions;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.MethodNotAllowedException;
import io.securityinfo.securityinfo.interrupt.RegistrationInterrupt;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.QuestionRules;

/**
 * "Security questions": pick the questions the policy asks for and answer each, to add them or (Change) to answer
 * them again; then a confirmation whose "Done" leads where a phone's does.
 */
@Controller
@RequestMapping(SecurityQuestionsController.PAGE)
class SecurityQuestionsController {

	static final String PAGE = "/security-info/security-questions";

	private static final String FORM = "securityQuestionsForm";

	private final SecurityAnswers securityAnswers;

	private final SecurityInfo securityInfo;

	private final QuestionPolicy questionPolicy;

	SecurityQuestionsController(SecurityAnswers securityAnswers, SecurityInfo securityInfo,
			QuestionPolicy questionPolicy) {
		this.securityAnswers = securityAnswers;
		this.securityInfo = securityInfo;
		this.questionPolicy = questionPolicy;
	}

	@GetMapping
	String initAddForm(@CurrentUser SignedInUser user, Model model, RedirectAttributes redirect) {
		if (!securityInfo.isAllowed(user.id(), SecurityQuestionsMethodType.ID)) {
			return notAllowed(redirect);
		}
		if (securityInfo.hasMethodOfType(user.id(), SecurityQuestionsMethodType.ID)) {
			return "redirect:" + PAGE + "/change";
		}
		QuestionRules rules = questionPolicy.current();
		model.addAttribute(FORM, SecurityQuestionsForm.forQuestions(rules.questionsRequired(), List.of()));
		return formView(rules, false, model);
	}

	@GetMapping("/change")
	String initChangeForm(@CurrentUser SignedInUser user, Model model, RedirectAttributes redirect) {
		if (!securityInfo.isAllowed(user.id(), SecurityQuestionsMethodType.ID)) {
			return notAllowed(redirect);
		}
		if (!securityInfo.hasMethodOfType(user.id(), SecurityQuestionsMethodType.ID)) {
			return "redirect:" + PAGE;
		}
		QuestionRules rules = questionPolicy.current();
		model.addAttribute(FORM, SecurityQuestionsForm.forQuestions(rules.questionsRequired(),
				securityAnswers.answeredQuestions(user.id()).stream().filter(rules::offers).toList()));
		return formView(rules, true, model);
	}

	@PostMapping
	String processAddForm(@CurrentUser SignedInUser user, @ModelAttribute(FORM) SecurityQuestionsForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return save(user, false, form, result, model, redirect);
	}

	@PostMapping("/change")
	String processChangeForm(@CurrentUser SignedInUser user, @ModelAttribute(FORM) SecurityQuestionsForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return save(user, true, form, result, model, redirect);
	}

	@GetMapping("/done")
	String saved(@CurrentUser SignedInUser user, HttpSession session, Model model) {
		if (!securityInfo.hasMethodOfType(user.id(), SecurityQuestionsMethodType.ID)) {
			return "redirect:" + PAGE;
		}
		model.addAttribute("doneUrl", RegistrationInterrupt.doneUrl(session));
		return "securityinfo/security-questions-done";
	}

	private String save(SignedInUser user, boolean changing, SecurityQuestionsForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!securityInfo.isAllowed(user.id(), SecurityQuestionsMethodType.ID)) {
			return notAllowed(redirect);
		}
		if (!result.hasErrors()) {
			try {
				if (changing) {
					securityAnswers.change(user.id(), form.toAnswers());
				}
				else {
					securityAnswers.add(user.id(), form.toAnswers());
				}
				return "redirect:" + PAGE + "/done";
			}
			catch (MethodNotAllowedException ex) {
				return notAllowed(redirect);
			}
			catch (MethodAlreadyRegisteredException | DataIntegrityViolationException ex) {
				// The same form sent twice, or questions added meanwhile in another tab: the first one counts.
				result.reject("questions.already-registered");
			}
			catch (SecurityAnswers.AnswersRefusedException ex) {
				ex.problems().forEach(problem -> reject(result, problem));
			}
		}
		QuestionRules rules = questionPolicy.current();
		// The policy may ask for another number of questions than when the page was shown; typed rows are kept.
		form.resize(rules.questionsRequired());
		return formView(rules, changing, model);
	}

	private static void reject(BindingResult result, SecurityAnswers.Problem problem) {
		if (problem.row() < 0) {
			result.reject(problem.messageKey(), problem.arguments(), null);
		}
		else {
			result.rejectValue("answers[" + problem.row() + "]." + problem.field(), problem.messageKey(),
					problem.arguments(), null);
		}
	}

	private String formView(QuestionRules rules, boolean changing, Model model) {
		model.addAttribute("questions", rules.offered());
		model.addAttribute("questionsRequired", rules.questionsRequired());
		model.addAttribute("changing", changing);
		model.addAttribute("formPath", changing ? PAGE + "/change" : PAGE);
		return "securityinfo/security-questions";
	}

	private static String notAllowed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "questions.not-allowed");
		return "redirect:/security-info/add";
	}

}
