package io.securityinfo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a database of its own (in-memory H2, or PostgreSQL in the build's second pass: see
 * {@link TestDatabase}), with {@link TestBeans}' clock, SMS gateway and email gateway and a
 * MockMvc. Every test with this annotation shares one cached context, so tests create their own accounts and
 * numbers rather than relying on an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface AppTest {

}
