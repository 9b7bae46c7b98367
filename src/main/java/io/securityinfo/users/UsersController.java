package io.securityinfo.users;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.AccountPage;
import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignInThrottle;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.audit.AuditLog;
import io.securityinfo.audit.AuditWords;
import io.securityinfo.securityinfo.SecurityInfo;

/** "Users": the list and search, a person's page with their methods and last changes, and new accounts. */
@Controller
@RequestMapping("/admin/users")
class UsersController {

	static final int PAGE_SIZE = 20;

	static final int LAST_CHANGES = 10;

	/** One of the last changes on a person's page: the entry, and its detail in the reader's words. */
	record Change(AuditLog.Entry entry, String detail) {
	}

	private final Accounts accounts;

	private final SecurityInfo securityInfo;

	private final Reregistration reregistration;

	private final PersonRecords personRecords;

	private final SignInThrottle signInThrottle;

	private final AuditWords auditWords;

	UsersController(Accounts accounts, SecurityInfo securityInfo, Reregistration reregistration,
			PersonRecords personRecords, SignInThrottle signInThrottle, AuditWords auditWords) {
		this.signInThrottle = signInThrottle;
		this.auditWords = auditWords;
		this.accounts = accounts;
		this.securityInfo = securityInfo;
		this.reregistration = reregistration;
		this.personRecords = personRecords;
	}

	/**
	 * The first page, the one {@code after} or {@code before} an email, or with {@code last} (whatever its value:
	 * the pager's links say {@code last=true}) the last one; see {@link AccountPage.Position#of} for anything else.
	 */
	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, @RequestParam(required = false) String last,
			Model model) {
		String query = q.strip();
		model.addAttribute("query", query);
		model.addAttribute("page",
				accounts.search(query, AccountPage.Position.of(after, before, last != null), PAGE_SIZE));
		return "users/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("newUserForm", new NewUserForm());
		return creationView(model);
	}

	@PostMapping("/new")
	String processCreationForm(@CurrentUser SignedInUser admin,
			@Valid @ModelAttribute("newUserForm") NewUserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return creationView(model);
		}
		try {
			long id = accounts.create(admin.id(), form.getEmail(), form.getDisplayName(), form.getInitialPassword(),
					form.getRole());
			redirect.addFlashAttribute("notice", "users.created");
			return "redirect:/admin/users/" + id;
		}
		catch (Accounts.AccountChangeRefused ex) {
			result.rejectValue("email", ex.messageKey());
			return creationView(model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		PersonRecords.PersonRecord record = personRecords.find(id, LAST_CHANGES)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("person", record.person());
		model.addAttribute("overview", securityInfo.overview(id));
		model.addAttribute("changes", record.changes()
			.stream()
			.map(entry -> new Change(entry, auditWords.describe(entry, locale)))
			.toList());
		model.addAttribute("actors", record.actors());
		model.addAttribute("signInLockedUntil", record.signInLockedUntil());
		return "users/user";
	}

	/** Lifts the lock that wrong passwords put on the person's sign-in. */
	@PostMapping("/{id}/lift-sign-in-lock")
	String liftSignInLock(@CurrentUser SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		boolean lifted = signInThrottle.lift(admin.id(), id);
		redirect.addFlashAttribute("notice", lifted ? "users.sign-in.lifted" : "users.sign-in.not-locked");
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}/methods/{methodId}/delete")
	String confirmDeleteMethod(@PathVariable long id, @PathVariable long methodId, Model model) {
		model.addAttribute("person", person(id));
		model.addAttribute("preview", securityInfo.previewDelete(id, methodId));
		return "users/delete-method";
	}

	@PostMapping("/{id}/methods/{methodId}/delete")
	String deleteMethod(@CurrentUser SignedInUser admin, @PathVariable long id, @PathVariable long methodId,
			RedirectAttributes redirect) {
		securityInfo.deleteAsAdmin(admin.id(), id, methodId);
		redirect.addFlashAttribute("notice", "users.method-deleted");
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}/require-registration")
	String confirmRequireRegistration(@PathVariable long id, Model model) {
		model.addAttribute("person", person(id));
		model.addAttribute("overview", securityInfo.overview(id));
		return "users/require-registration";
	}

	@PostMapping("/{id}/require-registration")
	String requireRegistration(@CurrentUser SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		reregistration.require(admin.id(), id);
		redirect.addFlashAttribute("notice", "users.registration-required");
		return "redirect:/admin/users/" + id;
	}

	/** "Disable account" asks first: one click on the person's page only leads here. */
	@GetMapping("/{id}/disable")
	String confirmDisable(@PathVariable long id, Model model) {
		model.addAttribute("person", person(id));
		return "users/disable";
	}

	@PostMapping("/{id}/disable")
	String disable(@CurrentUser SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		try {
			accounts.disable(admin.id(), id);
			redirect.addFlashAttribute("notice", "users.disabled");
		}
		catch (Accounts.AccountChangeRefused ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@CurrentUser SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		accounts.enable(admin.id(), id);
		redirect.addFlashAttribute("notice", "users.enabled");
		return "redirect:/admin/users/" + id;
	}

	private AccountSummary person(long id) {
		return accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String creationView(Model model) {
		model.addAttribute("roles", Role.values());
		return "users/new";
	}

}
