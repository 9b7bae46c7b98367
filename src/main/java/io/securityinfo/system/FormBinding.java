package io.securityinfo.system;

import java.util.Iterator;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;

/**
 * How every form binds what a browser sent. Pages number list rows from 0 and never past a few dozen; a request that
 * names a row no page offers ({@code answers[-1]}, {@code enabledIds[300]}) was not sent by a page, and gets the
 * "form could not be read" page with status 400 rather than an error from deep inside the binder.
 */
@ControllerAdvice
class FormBinding {

	/** Rows a list in a form may grow to: more than any page shows, few enough to be cheap. */
	static final int MAX_LIST_ROWS = 256;

	@InitBinder
	void limitLists(WebDataBinder binder, WebRequest request) {
		binder.setAutoGrowCollectionLimit(MAX_LIST_ROWS);
		// The binder would reach List.set(-1, …) with a negative index: refuse the request before binding.
		for (Iterator<String> names = request.getParameterNames(); names.hasNext();) {
			if (names.next().contains("[-")) {
				throw new UnreadableFormException();
			}
		}
	}

	@ExceptionHandler({ InvalidPropertyException.class, UnreadableFormException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unreadableForm() {
		return "error/400";
	}

	/** The request names a form field no page has. */
	static class UnreadableFormException extends RuntimeException {

		UnreadableFormException() {
			super("A field names a negative list index");
		}

	}

}
