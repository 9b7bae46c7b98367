package io.securityinfo.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many people a setting affects, as the admin pages say it: each a count in the database (one statement), never
 * a loop over people. Only enabled accounts count; a person in two of the groups counts once.
 */
@Component
class PeopleCounts {

	private final JdbcClient jdbc;

	PeopleCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone who can sign in. */
	@Transactional(readOnly = true)
	long everyone() {
		return jdbc.sql("select count(*) from account a where a.enabled = true").query(Long.class).single();
	}

	/** The administrators (when asked for) and the members of these groups. */
	@Transactional(readOnly = true)
	long administratorsOrMembers(boolean administrators, Collection<Long> groupIds) {
		if (!administrators && groupIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from account a
				where a.enabled = true
				  and ((:administrators = true and a.role = 'ADMIN')
				       or exists (select 1 from user_group_member m
				                  where m.account_id = a.id and m.group_id in (:groupIds)))""")
			.param("administrators", administrators)
			// "in ()" is no SQL: -1 is no group's id.
			.param("groupIds", groupIds.isEmpty() ? java.util.List.of(-1L) : groupIds)
			.query(Long.class)
			.single();
	}

	/** The members of these groups. */
	long members(Collection<Long> groupIds) {
		return administratorsOrMembers(false, groupIds);
	}

	/**
	 * For each authentication method that is on for groups, how many people are in one of them: one statement for
	 * all the methods.
	 */
	@Transactional(readOnly = true)
	Map<String, Long> membersByMethod() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				select g.method, count(distinct a.id) from method_policy_group g
				join user_group_member m on m.group_id = g.group_id
				join account a on a.id = m.account_id and a.enabled = true
				group by g.method""").query((row, number) -> counts.put(row.getString(1), row.getLong(2))).list();
		return counts;
	}

}
