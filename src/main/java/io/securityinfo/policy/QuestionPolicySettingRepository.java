package io.securityinfo.policy;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuestionPolicySettingRepository extends JpaRepository<QuestionPolicySetting, Integer> {

}
