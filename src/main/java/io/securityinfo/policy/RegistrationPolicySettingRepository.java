package io.securityinfo.policy;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrationPolicySettingRepository extends JpaRepository<RegistrationPolicySetting, Integer> {

}
