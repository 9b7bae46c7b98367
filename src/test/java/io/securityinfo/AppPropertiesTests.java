package io.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/** {@code app.*} as the shipped application.properties binds it. */
class AppPropertiesTests {

	@Test
	void publicUrlWhenUnsetAndTheServerPortIsGivenThenFollowsThatPort() throws IOException {
		AppProperties app = bind(Map.of("server.port", "9123"));

		assertThat(app.publicUrl()).isEqualTo(URI.create("http://localhost:9123"));
	}

	@Test
	void publicUrlWhenNeitherIsSetThenIsLocalhostOnTheDefaultPort() throws IOException {
		assertThat(bind(Map.of()).publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
	}

	@Test
	void publicUrlWhenSetThenWinsOverTheServerPort() throws IOException {
		AppProperties app = bind(Map.of("server.port", "9123", "app.public-url", "https://security-info.example.com"));

		assertThat(app.publicUrl()).isEqualTo(URI.create("https://security-info.example.com"));
	}

	/** The shipped application.properties under the given command-line values, without this machine's variables. */
	private static AppProperties bind(Map<String, Object> commandLine) throws IOException {
		ConfigurableEnvironment environment = new AbstractEnvironment() {
		};
		environment.getPropertySources().addFirst(new MapPropertySource("commandLine", commandLine));
		environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
		return Binder.get(environment).bindOrCreate("app", AppProperties.class);
	}

}
