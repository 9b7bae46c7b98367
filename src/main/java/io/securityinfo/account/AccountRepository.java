package io.securityinfo.account;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByIdAndMustChangePasswordTrue(long id);

	/**
	 * The accounts whose email or display name, lowercased, is like {@code pattern}, in which {@code !} escapes
	 * {@code %}, {@code _} and itself: one page and its count.
	 */
	@Query(value = """
			select a from Account a
			where lower(a.email) like :pattern escape '!' or lower(a.displayName) like :pattern escape '!'""",
			countQuery = """
					select count(a) from Account a
					where lower(a.email) like :pattern escape '!' or lower(a.displayName) like :pattern escape '!'""")
	Page<Account> search(String pattern, Pageable pageable);

}
