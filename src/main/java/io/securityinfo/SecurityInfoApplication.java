package io.securityinfo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SecurityInfoApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecurityInfoApplication.class, args);
	}

}
