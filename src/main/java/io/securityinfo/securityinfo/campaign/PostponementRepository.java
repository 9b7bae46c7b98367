package io.securityinfo.securityinfo.campaign;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostponementRepository extends JpaRepository<Postponement, Postponement.Key> {

}
