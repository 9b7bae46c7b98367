package io.securityinfo.policy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityQuestionRepository extends JpaRepository<SecurityQuestion, Long> {

	/** The predefined questions first, then administrators' own, each in the order they came. */
	List<SecurityQuestion> findAllByOrderByPredefinedDescIdAsc();

	boolean existsByTextIgnoreCase(String text);

}
