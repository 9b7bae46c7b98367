package io.securityinfo.groups;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import io.securityinfo.ChangeRefused;
import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Accounts;

/** Groups of people that method policies target. */
@Service
public class Groups {

	public record GroupView(long id, String name, int memberCount) {
	}

	public record GroupDetail(long id, String name, List<AccountSummary> members) {
	}

	/** Why a change to a group was not made, as a message key. */
	public static class GroupChangeRefused extends ChangeRefused {

		private static final long serialVersionUID = 1L;

		GroupChangeRefused(String messageKey) {
			super(messageKey);
		}

	}

	private final UserGroupRepository groups;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Groups(UserGroupRepository groups, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.groups = groups;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<GroupView> list() {
		return groups.findAllByOrderByNameAsc()
			.stream()
			.map(group -> new GroupView(group.getId(), group.getName(), group.getMemberIds().size()))
			.toList();
	}

	/** Which of these ids name no group (any more): a form may carry an id typed by hand or of a deleted group. */
	@Transactional(readOnly = true)
	public Set<Long> unknown(Collection<Long> groupIds) {
		Set<Long> unknown = new TreeSet<>(groupIds);
		groups.findAllById(unknown).forEach(group -> unknown.remove(group.getId()));
		return unknown;
	}

	@Transactional(readOnly = true)
	public GroupDetail get(long groupId) {
		UserGroup group = existing(groupId);
		List<AccountSummary> members = accounts.summaries(group.getMemberIds())
			.values()
			.stream()
			.sorted(Comparator.comparing(AccountSummary::email))
			.toList();
		return new GroupDetail(group.getId(), group.getName(), members);
	}

	@Transactional
	public long create(long adminId, String name) {
		String trimmed = name.strip();
		if (groups.existsByNameIgnoreCase(trimmed)) {
			throw new GroupChangeRefused("groups.name.taken");
		}
		UserGroup group = groups.save(new UserGroup(trimmed, clock.instant()));
		events.publishEvent(new GroupChanged(adminId, GroupChanged.Change.CREATED, trimmed, null));
		return group.getId();
	}

	@Transactional
	public void delete(long adminId, long groupId) {
		UserGroup group = existing(groupId);
		groups.delete(group);
		events.publishEvent(new GroupChanged(adminId, GroupChanged.Change.DELETED, group.getName(), null));
	}

	@Transactional
	public void addMember(long adminId, long groupId, String email) {
		UserGroup group = existing(groupId);
		Optional<AccountSummary> account = accounts.findByEmail(email);
		if (account.isEmpty()) {
			throw new GroupChangeRefused("groups.member.unknown");
		}
		if (!group.addMember(account.get().id())) {
			throw new GroupChangeRefused("groups.member.already");
		}
		events.publishEvent(new GroupChanged(adminId, GroupChanged.Change.MEMBER_ADDED, group.getName(),
				account.get().id()));
	}

	@Transactional
	public void removeMember(long adminId, long groupId, long accountId) {
		UserGroup group = existing(groupId);
		if (group.removeMember(accountId)) {
			events.publishEvent(new GroupChanged(adminId, GroupChanged.Change.MEMBER_REMOVED, group.getName(),
					accountId));
		}
	}

	private UserGroup existing(long groupId) {
		return groups.findById(groupId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
