package io.securityinfo.policy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserGroupRepository extends JpaRepository<UserGroup, Long> {

	List<UserGroup> findAllByOrderByNameAsc();

	boolean existsByNameIgnoreCase(String name);

}
