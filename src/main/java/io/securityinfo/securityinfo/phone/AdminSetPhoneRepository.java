package io.securityinfo.securityinfo.phone;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AdminSetPhoneRepository extends JpaRepository<AdminSetPhone, Long> {

	/** Forgets the person's administrator-set number once it is proven: only that number, not one set since. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from AdminSetPhone p where p.accountId = :accountId and p.detail = :detail")
	int deleteProven(long accountId, String detail);

}
