package io.securityinfo.policy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignSettingRepository extends JpaRepository<CampaignSetting, Integer> {

	/** Whether the saved campaign targets this person: on, and for all users or a group they are in. */
	@Query(nativeQuery = true, value = """
			select case when c.enabled = true and (c.all_users = true or exists (
			        select 1 from registration_campaign_group g
			        join user_group_member m on m.group_id = g.group_id
			        where g.campaign_id = c.id and m.account_id = :accountId)) then 1 else 0 end
			from registration_campaign c where c.id = 1""")
	Integer targets(long accountId);

}
