package io.securityinfo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link AppTest} with a pool of two connections (Flyway needs two at start-up) and a short timeout, so that work
 * which needed another connection while all are taken waits for the timeout and fails, as it would under load. Every
 * test with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AppTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=2000" })
public @interface TwoConnectionsAppTest {

}
