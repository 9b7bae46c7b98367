package io.securityinfo.securityinfo.questions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SecurityAnswerRepository extends JpaRepository<SecurityAnswer, Long> {

	List<SecurityAnswer> findByMethodIdOrderByPositionAsc(long methodId);

	@Modifying(flushAutomatically = true)
	@Query("delete from SecurityAnswer answer where answer.methodId = :methodId")
	void deleteByMethodId(long methodId);

}
