package io.securityinfo.system;

import io.securityinfo.SecurityInfoApplication;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The repositories, as Spring Boot would set them up, but with the declared queries ({@code @Query}) read by Spring
 * Data's light query enhancer instead of its full HQL grammar. Spring Data parses every declared query at start-up
 * to be able to rewrite it later (add a sort, derive a count); none of ours is ever rewritten (no {@code Sort} or
 * {@code Pageable} parameter on a declared query, limits go through {@code Limit}), yet the ANTLR parse of their
 * 24 queries took about a second of every start on two cores. Hibernate still parses and validates each query at
 * start-up, so a mistyped query still stops the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = SecurityInfoApplication.class,
		queryEnhancerSelector = RepositoryConfiguration.DeclaredQueriesAsWritten.class)
class RepositoryConfiguration {

	/** Both JPQL and native queries through {@link QueryEnhancerFactories#fallback()}. */
	static class DeclaredQueriesAsWritten extends QueryEnhancerSelector.DefaultQueryEnhancerSelector {

		DeclaredQueriesAsWritten() {
			super(QueryEnhancerFactories.fallback(), QueryEnhancerFactories.fallback());
		}

	}

}
