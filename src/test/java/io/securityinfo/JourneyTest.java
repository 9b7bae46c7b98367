package io.securityinfo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port for journeys through the pages over real HTTP (see {@link Journey}), with the real
 * app's sessions in the database, which the test profile leaves out for MockMvc's sake; with {@link TestBeans}' clock
 * and gateways and a database of its own, as {@link AppTest}. Every test with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface JourneyTest {

}
