package io.securityinfo.groups;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserGroupRepository extends JpaRepository<UserGroup, Long> {

	List<UserGroup> findAllByOrderByNameAsc();

	boolean existsByNameIgnoreCase(String name);

}
