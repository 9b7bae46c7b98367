package io.securityinfo.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The accounts. The people list reads them by keyset in email order, everyone or a search's matches: the first or
 * the last {@code limit}, or the {@code limit} after or before an email. Each is one statement that counts nothing;
 * for everyone it reads just {@code limit} entries of the unique index on the email.
 */
interface AccountRepository extends JpaRepository<Account, Long> {

	/**
	 * The search: the email or display name, lowercased, is like {@code :pattern}, in which {@code !} escapes
	 * {@code %}, {@code _} and itself.
	 */
	String MATCHES = """
			(lower(a.email) like :pattern escape '!' or lower(a.displayName) like :pattern escape '!')""";

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByIdAndMustChangePasswordTrue(long id);

	List<Account> findByOrderByEmailAsc(Limit limit);

	List<Account> findByEmailGreaterThanOrderByEmailAsc(String email, Limit limit);

	List<Account> findByEmailLessThanOrderByEmailDesc(String email, Limit limit);

	List<Account> findByOrderByEmailDesc(Limit limit);

	@Query("select a from Account a where " + MATCHES + " order by a.email asc")
	List<Account> searchFirst(String pattern, Limit limit);

	@Query("select a from Account a where " + MATCHES + " and a.email > :email order by a.email asc")
	List<Account> searchAfter(String pattern, String email, Limit limit);

	@Query("select a from Account a where " + MATCHES + " and a.email < :email order by a.email desc")
	List<Account> searchBefore(String pattern, String email, Limit limit);

	@Query("select a from Account a where " + MATCHES + " order by a.email desc")
	List<Account> searchLast(String pattern, Limit limit);

}
