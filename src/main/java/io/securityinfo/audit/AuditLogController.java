package io.securityinfo.audit;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** "Audit log" (admin): every change to security info and policy, newest first, filtered and paged. */
@Controller
class AuditLogController {

	static final String PATH = "/admin/audit";

	private final AuditLogSearch search;

	AuditLogController(AuditLogSearch search) {
		this.search = search;
	}

	@GetMapping(PATH)
	String auditLog(@Valid @ModelAttribute("auditLogFilter") AuditLogFilter filter, BindingResult result,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("page", search.find(filter, result, page, locale));
		return "audit/log";
	}

}
