package io.securityinfo.groups;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.securityinfo.account.CurrentUser;
import io.securityinfo.account.SignedInUser;

/** "Groups": the groups that method policies can target, and their members. */
@Controller
@RequestMapping("/admin/groups")
class GroupsController {

	private final Groups groups;

	GroupsController(Groups groups) {
		this.groups = groups;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("groupForm", new GroupForm());
		return listView(model);
	}

	@PostMapping
	String create(@CurrentUser SignedInUser admin, @Valid @ModelAttribute("groupForm") GroupForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return listView(model);
		}
		try {
			long id = groups.create(admin.id(), form.getName());
			redirect.addFlashAttribute("notice", "groups.created");
			return "redirect:/admin/groups/" + id;
		}
		catch (Groups.GroupChangeRefused ex) {
			result.rejectValue("name", ex.messageKey());
			return listView(model);
		}
	}

	@GetMapping("/{groupId}")
	String show(@PathVariable long groupId, Model model) {
		model.addAttribute("memberForm", new MemberForm());
		return detailView(groupId, model);
	}

	@PostMapping("/{groupId}/members")
	String addMember(@CurrentUser SignedInUser admin, @PathVariable long groupId,
			@Valid @ModelAttribute("memberForm") MemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				groups.addMember(admin.id(), groupId, form.getEmail());
				redirect.addFlashAttribute("notice", "groups.member.added");
				return "redirect:/admin/groups/" + groupId;
			}
			catch (Groups.GroupChangeRefused ex) {
				result.rejectValue("email", ex.messageKey());
			}
		}
		return detailView(groupId, model);
	}

	@PostMapping("/{groupId}/members/{accountId}/remove")
	String removeMember(@CurrentUser SignedInUser admin, @PathVariable long groupId, @PathVariable long accountId,
			RedirectAttributes redirect) {
		groups.removeMember(admin.id(), groupId, accountId);
		redirect.addFlashAttribute("notice", "groups.member.removed");
		return "redirect:/admin/groups/" + groupId;
	}

	@GetMapping("/{groupId}/delete")
	String confirmDelete(@PathVariable long groupId, Model model) {
		model.addAttribute("group", groups.get(groupId));
		return "groups/group-delete";
	}

	@PostMapping("/{groupId}/delete")
	String delete(@CurrentUser SignedInUser admin, @PathVariable long groupId, RedirectAttributes redirect) {
		groups.delete(admin.id(), groupId);
		redirect.addFlashAttribute("notice", "groups.deleted");
		return "redirect:/admin/groups";
	}

	private String listView(Model model) {
		model.addAttribute("groups", groups.list());
		return "groups/groups";
	}

	private String detailView(long groupId, Model model) {
		model.addAttribute("group", groups.get(groupId));
		return "groups/group";
	}

}
