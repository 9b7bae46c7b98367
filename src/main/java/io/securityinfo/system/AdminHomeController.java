package io.securityinfo.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin area's landing page; each admin page lives with the feature it manages. */
@Controller
class AdminHomeController {

	@GetMapping("/admin")
	String adminHome() {
		return "admin/home";
	}

}
