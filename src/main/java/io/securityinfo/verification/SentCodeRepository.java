package io.securityinfo.verification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.securityinfo.sms.DeliveryStatus;

interface SentCodeRepository extends JpaRepository<SentCode, Long> {

	List<SentCode> findByChallengeId(String challengeId);

	/** The code sent last for a challenge: the one whose delivery the person is waiting for. */
	Optional<SentCode> findFirstByChallengeIdOrderByIdDesc(String challengeId);

	Optional<SentCode> findFirstByProviderMessageId(String providerMessageId);

	/**
	 * Records a delivery status unless the text already has it or a later one: reports come more than once and
	 * out of order, and a final status is never replaced. A single conditional UPDATE, so that of two reports
	 * handled at once the later status wins whatever their order.
	 * @param replaceable the statuses {@code status} may replace ({@link DeliveryStatus#replaces()})
	 * @return 1 when recorded, 0 when there is no such text or it already had this status or a later one
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update SentCode s set s.deliveryStatus = :status, s.deliveryErrorCode = :errorCode,
			  s.deliveryUpdatedAt = :now
			where s.providerMessageId = :providerMessageId
			  and (s.deliveryStatus is null or s.deliveryStatus in :replaceable)""")
	int recordDelivery(String providerMessageId, DeliveryStatus status, String errorCode, Instant now,
			Collection<DeliveryStatus> replaceable);

	long countByDestinationAndSentAtAfter(String destination, Instant after);

	long countByAccountIdAndSentAtAfter(long accountId, Instant after);

}
