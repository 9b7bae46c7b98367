package io.securityinfo.system;

import java.util.Map;

import io.securityinfo.SecurityInfoApplication;

import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.repository.config.BootstrapMode;

/**
 * The repositories, as Spring Boot would set them up, with two changes for a faster start.
 * <ul>
 * <li>The declared queries ({@code @Query}) are read by Spring Data's light query enhancer instead of its full HQL
 * grammar. Spring Data parses every declared query at start-up to be able to rewrite it later (add a sort, derive a
 * count); none of ours is ever rewritten (no {@code Sort} or {@code Pageable} parameter on a declared query, limits
 * go through {@code Limit}), yet the ANTLR parse of their 24 queries took about a second of every start on two
 * cores. Hibernate still parses and validates each query, so a mistyped query still stops the start.</li>
 * <li>Deferred bootstrap, as Boot's {@code spring.data.jpa.repositories.bootstrap-mode=deferred} would set it up
 * (that property is not read once repositories are enabled here): Hibernate builds its metamodel on the
 * application's task executor while the rest of the context is made, and the repositories are created, their
 * queries checked, when the context has been refreshed, before the application reports it has started. A query
 * that does not validate still fails the start.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = SecurityInfoApplication.class, bootstrapMode = BootstrapMode.DEFERRED,
		queryEnhancerSelector = RepositoryConfiguration.DeclaredQueriesAsWritten.class)
class RepositoryConfiguration {

	/**
	 * Hibernate's bootstrap on the application's task executor: the only one there is, or Boot's
	 * {@code applicationTaskExecutor} among several; on the calling thread when there is none (a test slice).
	 */
	@Bean
	EntityManagerFactoryBuilderCustomizer entityManagerFactoryBootstrapExecutor(
			Map<String, AsyncTaskExecutor> taskExecutors) {
		AsyncTaskExecutor executor = (taskExecutors.size() == 1) ? taskExecutors.values().iterator().next()
				: taskExecutors.get("applicationTaskExecutor");
		return (builder) -> {
			if (executor != null) {
				builder.setBootstrapExecutor(executor);
			}
		};
	}

	/** Both JPQL and native queries through {@link QueryEnhancerFactories#fallback()}. */
	static class DeclaredQueriesAsWritten extends QueryEnhancerSelector.DefaultQueryEnhancerSelector {

		DeclaredQueriesAsWritten() {
			super(QueryEnhancerFactories.fallback(), QueryEnhancerFactories.fallback());
		}

	}

}
