package io.securityinfo.securityinfo;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhoneProofRepository extends JpaRepository<PhoneProof, String> {

}
