package io.securityinfo.sessions;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/**
 * My Profile → "Devices and activity": where the person is signed in, with "Sign out" on each other session and
 * "Sign out everywhere else", and their recent sign-ins, each with "This wasn't me".
 */
@Controller
@RequestMapping(DevicesController.PAGE)
class DevicesController {

	static final String PAGE = "/profile/devices";

	static final int ACTIVITY_SHOWN = 20;

	private final Devices devices;

	private final SignInHistory history;

	DevicesController(Devices devices, SignInHistory history) {
		this.devices = devices;
		this.history = history;
	}

	@GetMapping
	String show(@CurrentUser SignedInUser user, HttpSession session, Model model) {
		model.addAttribute("devices", devices.of(user.id(), session));
		model.addAttribute("activity", history.newest(user.id(), ACTIVITY_SHOWN));
		return "sessions/devices";
	}

	@PostMapping("/{handle:[0-9a-f]{32}}/sign-out")
	String signOut(@CurrentUser SignedInUser user, @PathVariable String handle, HttpSession session,
			RedirectAttributes redirect) {
		try {
			devices.signOut(user.id(), handle, session);
		}
		catch (Devices.DeviceNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "devices.signed-out");
		return "redirect:" + PAGE;
	}

	@PostMapping("/sign-out-everywhere-else")
	String signOutEverywhereElse(@CurrentUser SignedInUser user, HttpSession session, RedirectAttributes redirect) {
		devices.signOutEverywhereElse(user.id(), session);
		redirect.addFlashAttribute("notice", "devices.signed-out-everywhere-else");
		return "redirect:" + PAGE;
	}

}
