package io.securityinfo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test that drives a real Chromium ({@link Browser}) against the whole app on a random port, with its sessions in
 * the database as in production. The context is the one the journey tests over real HTTP share. Tagged
 * {@value #TAG}: the build runs these in the H2 pass only (the pages do not depend on the database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(BrowserTest.TAG)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface BrowserTest {

	String TAG = "browser";

}
