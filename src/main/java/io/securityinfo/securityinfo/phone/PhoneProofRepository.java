package io.securityinfo.securityinfo.phone;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhoneProofRepository extends JpaRepository<PhoneProof, String> {

}
