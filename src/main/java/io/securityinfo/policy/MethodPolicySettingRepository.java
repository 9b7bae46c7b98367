package io.securityinfo.policy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MethodPolicySettingRepository extends JpaRepository<MethodPolicySetting, String> {

	/** The methods switched off for this person: off for everyone, or on only for groups they are not in. */
	@Query(nativeQuery = true, value = """
			select p.method from method_policy p
			where p.enabled = false
			   or (p.all_users = false and not exists (
			        select 1 from method_policy_group g
			        join user_group_member m on m.group_id = g.group_id
			        where g.method = p.method and m.account_id = :accountId))""")
	List<String> findMethodsNotAllowedFor(long accountId);

}
