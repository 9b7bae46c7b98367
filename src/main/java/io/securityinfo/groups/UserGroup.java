package io.securityinfo.groups;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A named set of people that a method policy can target. */
@Entity
@Table(name = "user_group")
class UserGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@ElementCollection
	@CollectionTable(name = "user_group_member", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "account_id")
	private Set<Long> memberIds = new HashSet<>();

	protected UserGroup() {
	}

	UserGroup(String name, Instant createdAt) {
		this.name = name;
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	Set<Long> getMemberIds() {
		return Set.copyOf(memberIds);
	}

	boolean addMember(long accountId) {
		return memberIds.add(accountId);
	}

	boolean removeMember(long accountId) {
		return memberIds.remove(accountId);
	}

}
