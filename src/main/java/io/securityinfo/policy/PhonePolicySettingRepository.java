package io.securityinfo.policy;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhonePolicySettingRepository extends JpaRepository<PhonePolicySetting, Integer> {

}
