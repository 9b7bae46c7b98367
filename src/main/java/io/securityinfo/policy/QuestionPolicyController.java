package io.securityinfo.policy;

import java.util.stream.IntStream;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/** "Security questions": the questions people may pick, how many they answer, and the organization's own. */
@Controller
@RequestMapping("/admin/questions")
class QuestionPolicyController {

	private final QuestionPolicy questionPolicy;

	QuestionPolicyController(QuestionPolicy questionPolicy) {
		this.questionPolicy = questionPolicy;
	}

	@GetMapping
	String initForms(Model model) {
		return view(model);
	}

	@PostMapping
	String processPolicy(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("questionPolicyForm") QuestionPolicyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				questionPolicy.save(admin.id(), form.getQuestionsRequired(), form.chosenIds());
				redirect.addFlashAttribute("notice", "questions.admin.saved");
				return "redirect:/admin/questions";
			}
			catch (QuestionPolicy.QuestionChangeRefused ex) {
				result.rejectValue("questionsRequired", ex.messageKey(), ex.arguments(), null);
			}
		}
		return view(model);
	}

	@PostMapping("/new")
	String processNewQuestion(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("newQuestionForm") NewQuestionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				questionPolicy.add(admin.id(), form.getText());
				redirect.addFlashAttribute("notice", "questions.admin.added");
				return "redirect:/admin/questions";
			}
			catch (QuestionPolicy.QuestionChangeRefused ex) {
				result.rejectValue("text", ex.messageKey(), ex.arguments(), null);
			}
		}
		return view(model);
	}

	/** The page with both forms: the one posted as it came, the other as saved. */
	private String view(Model model) {
		if (!model.containsAttribute("questionPolicyForm")) {
			model.addAttribute("questionPolicyForm", QuestionPolicyForm.of(questionPolicy.current()));
		}
		if (!model.containsAttribute("newQuestionForm")) {
			model.addAttribute("newQuestionForm", new NewQuestionForm());
		}
		model.addAttribute("questions", questionPolicy.questions());
		model.addAttribute("requiredChoices",
				IntStream.rangeClosed(QuestionPolicy.MIN_REQUIRED, QuestionPolicy.MAX_REQUIRED).boxed().toList());
		return "policy/questions";
	}

}
