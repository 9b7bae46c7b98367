package io.securityinfo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A code form's errors carried across the redirect that follows every code check (post-redirect-get): reloading the
 * page then asks for nothing again and uses up no try, and Back never meets a page made by a POST. The form arrives
 * empty, since a code that did not work is not worth typing over, with its errors beside its fields as before. The
 * errors travel in the flash as plain values: the flash lives in the session, which is stored in the database.
 */
public final class CodeFormErrors {

	private static final String SUFFIX = "Errors";

	private CodeFormErrors() {
	}

	/** Keeps the form's errors for the page the redirect leads to. */
	public static void flash(RedirectAttributes redirect, String formName, BindingResult result) {
		List<Error> errors = new ArrayList<>();
		for (ObjectError error : result.getAllErrors()) {
			errors.add(new Error(error instanceof FieldError field ? field.getField() : null, error.getCodes(),
					serializable(error.getArguments()), error.getDefaultMessage()));
		}
		redirect.addFlashAttribute(formName + SUFFIX, errors);
	}

	/** Whether the flash brought errors of this form. */
	public static boolean flashed(Model model, String formName) {
		return model.getAttribute(formName + SUFFIX) instanceof List<?> errors && !errors.isEmpty();
	}

	/**
	 * Adds the (empty) form to the page's model, with the errors the flash brought beside its fields, if any.
	 */
	public static void show(Model model, String formName, Object emptyForm) {
		model.addAttribute(formName, emptyForm);
		if (!(model.getAttribute(formName + SUFFIX) instanceof List<?> flashed)) {
			return;
		}
		BindingResult result = new BeanPropertyBindingResult(emptyForm, formName);
		for (Object each : flashed) {
			Error error = (Error) each;
			result.addError(error.field() == null
					? new ObjectError(formName, error.codes(), error.arguments(), error.defaultMessage())
					: new FieldError(formName, error.field(), null, false, error.codes(), error.arguments(),
							error.defaultMessage()));
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + formName, result);
	}

	/** Numbers and texts stay; a field's name (Bean Validation's first argument) stays resolvable. */
	private static Object[] serializable(Object[] arguments) {
		if (arguments == null) {
			return null;
		}
		Object[] kept = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			kept[i] = argument instanceof Number || argument instanceof String ? argument
					: argument instanceof MessageSourceResolvable resolvable
							? new DefaultMessageSourceResolvable(resolvable.getCodes(), resolvable.getArguments(),
									resolvable.getDefaultMessage())
							: String.valueOf(argument);
		}
		return kept;
	}

	record Error(String field, String[] codes, Object[] arguments, String defaultMessage) implements Serializable {

	}

}
