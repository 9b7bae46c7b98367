package io.securityinfo.users;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.sessions.Devices;
import io.securityinfo.sessions.SignInHistory;

/**
 * A person's "Devices and activity", as an administrator sees it from the person's page: where they are signed in
 * and their recent sign-ins, with "Sign out everywhere" for them.
 */
@Controller
@RequestMapping("/admin/users/{id}/devices")
class PersonDevicesController {

	static final int ACTIVITY_SHOWN = 20;

	private final Accounts accounts;

	private final Devices devices;

	private final SignInHistory history;

	PersonDevicesController(Accounts accounts, Devices devices, SignInHistory history) {
		this.accounts = accounts;
		this.devices = devices;
		this.history = history;
	}

	@GetMapping
	String show(@PathVariable long id, Model model) {
		model.addAttribute("person", person(id));
		model.addAttribute("devices", devices.of(id, null));
		model.addAttribute("activity", history.newest(id, ACTIVITY_SHOWN));
		return "users/devices";
	}

	@PostMapping("/sign-out-everywhere")
	String signOutEverywhere(@CurrentUser SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		person(id);
		devices.signOutEverywhereByAdministrator(admin.id(), id);
		redirect.addFlashAttribute("notice", "users.devices.signed-out");
		return "redirect:/admin/users/" + id + "/devices";
	}

	private AccountSummary person(long id) {
		return accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
