package io.securityinfo.verification;

import org.springframework.data.jpa.repository.JpaRepository;

interface LockoutRepository extends JpaRepository<Lockout, Long> {

}
