package io.securityinfo.notification;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotMeLinkRepository extends JpaRepository<NotMeLink, Long> {

	Optional<NotMeLink> findByTokenHash(String tokenHash);

	/**
	 * Uses the link unless it was used or expired, in one conditional statement: of two posts of the same link, on
	 * any instances, only one answers 1.
	 */
	@Modifying
	@Query("update NotMeLink link set link.usedAt = :now where link.id = :id and link.usedAt is null "
			+ "and link.expiresAt > :now")
	int use(@Param("id") long id, @Param("now") Instant now);

	@Modifying
	@Query("delete from NotMeLink link where link.expiresAt < :cutoff")
	int deleteExpiredBefore(@Param("cutoff") Instant cutoff);

}
