package io.securityinfo.securityinfo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityMethodRepository extends JpaRepository<SecurityMethod, Long> {

	List<SecurityMethod> findByAccountIdOrderByCreatedAtAscIdAsc(long accountId);

	Optional<SecurityMethod> findByIdAndAccountId(long id, long accountId);

	Optional<SecurityMethod> findByAccountIdAndType(long accountId, String type);

	boolean existsByAccountIdAndType(long accountId, String type);

	boolean existsByAccountIdAndTypeAndDetail(long accountId, String type, String detail);

}
