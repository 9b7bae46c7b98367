package io.securityinfo.policy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignInPolicySettingRepository extends JpaRepository<SignInPolicySetting, Integer> {

	/**
	 * Whether the saved policy requires phishing-resistant sign-in of this person: on, and they are an administrator
	 * (when the administrators are ticked) or in a group it names. Empty when no policy was saved yet.
	 */
	@Query(nativeQuery = true, value = """
			select case when p.phishing_resistant = true and (
			        (p.phishing_resistant_admins = true and exists (
			            select 1 from account a where a.id = :accountId and a.role = 'ADMIN'))
			        or exists (
			            select 1 from phishing_resistant_group g
			            join user_group_member m on m.group_id = g.group_id
			            where g.policy_id = p.id and m.account_id = :accountId)) then 1 else 0 end
			from sign_in_policy p where p.id = 1""")
	Integer phishingResistanceAppliesTo(long accountId);

}
