package io.securityinfo.policy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TwoStepPolicySettingRepository extends JpaRepository<TwoStepPolicySetting, Integer> {

	/**
	 * Whether the saved policy requires two-step verification of this person: on, and for all users or for a group
	 * they are in. Empty when no policy was saved yet.
	 */
	@Query(nativeQuery = true, value = """
			select case when p.required = true and (p.all_users = true or exists (
			        select 1 from two_step_policy_group g
			        join user_group_member m on m.group_id = g.group_id
			        where g.policy_id = p.id and m.account_id = :accountId)) then 1 else 0 end
			from two_step_policy p where p.id = 1""")
	Integer appliesTo(long accountId);

}
