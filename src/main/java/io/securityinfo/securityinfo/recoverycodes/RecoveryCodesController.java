package io.securityinfo.securityinfo.recoverycodes;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.MethodNotAllowedException;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * Security info → "Recovery codes": how many are left and "Generate new codes"; the new set shown once (never kept
 * where it could be read again: not in the session, which lives in the database), with Download, Print and Copy,
 * and "I have saved these codes" to tick before leaving. Download and the tick post the codes the page shows back
 * with the form, so the file is what the page showed.
 */
@Controller
@RequestMapping(RecoveryCodesController.PAGE)
class RecoveryCodesController {

	static final String PAGE = "/security-info/recovery-codes";

	private static final String CODE_SHAPE = "[0-9a-z]{5}-[0-9a-z]{5}";

	private final RecoveryCodes recoveryCodes;

	private final SecurityInfo securityInfo;

	RecoveryCodesController(RecoveryCodes recoveryCodes, SecurityInfo securityInfo) {
		this.recoveryCodes = recoveryCodes;
		this.securityInfo = securityInfo;
	}

	@GetMapping
	String page(@CurrentUser SignedInUser user, Model model, RedirectAttributes redirect) {
		if (!securityInfo.isAllowed(user.id(), RecoveryCodesMethodType.ID)) {
			return notAllowed(redirect);
		}
		boolean hasSet = securityInfo.hasMethodOfType(user.id(), RecoveryCodesMethodType.ID);
		int remaining = hasSet ? recoveryCodes.remaining(user.id()) : 0;
		model.addAttribute("hasSet", hasSet);
		model.addAttribute("remaining", remaining);
		model.addAttribute("setSize", RecoveryCodes.SET_SIZE);
		model.addAttribute("fewLeft", hasSet && remaining <= RecoveryCodes.FEW_LEFT);
		return "securityinfo/recovery-codes";
	}

	/** A new set, shown in the answer to this post and nowhere else. */
	@PostMapping
	String generate(@CurrentUser SignedInUser user, Model model, RedirectAttributes redirect) {
		try {
			return shown(recoveryCodes.generate(user.id()), false, model);
		}
		catch (MethodNotAllowedException ex) {
			return notAllowed(redirect);
		}
	}

	/** The codes the page showed, as a text file. */
	@PostMapping("/download")
	ResponseEntity<byte[]> download(@RequestParam(name = "codes", defaultValue = "") List<String> codes) {
		List<String> shown = wellFormed(codes);
		String text = String.join("\r\n", shown) + "\r\n";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("recovery-codes.txt").build().toString())
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

	/** "I have saved these codes": without the tick, the same codes again with the message beside it. */
	@PostMapping("/saved")
	String saved(@RequestParam(name = "codes", defaultValue = "") List<String> codes,
			@RequestParam(name = "saved", defaultValue = "false") boolean saved, Model model,
			RedirectAttributes redirect) {
		if (!saved) {
			return shown(wellFormed(codes), true, model);
		}
		redirect.addFlashAttribute("notice", "recoverycodes.saved.notice");
		return "redirect:/security-info";
	}

	private static String shown(List<String> codes, boolean notTicked, Model model) {
		model.addAttribute("codes", codes);
		model.addAttribute("notTicked", notTicked);
		return "securityinfo/recovery-codes-new";
	}

	/** Only what has a code's shape goes back into a page or a file, at most a set's worth. */
	private static List<String> wellFormed(List<String> codes) {
		return codes.stream().filter(code -> code.matches(CODE_SHAPE)).limit(RecoveryCodes.SET_SIZE).toList();
	}

	private static String notAllowed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "recoverycodes.not-allowed");
		return "redirect:/security-info/add";
	}

}
