package io.securityinfo.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The 10,000 most common passwords (resource {@value #RESOURCE}, from zxcvbn's frequency list, MIT; its header
 * says where exactly), read once. The list is in lower case, so a password is common whatever its letters' case.
 */
@Component
class CommonPasswords {

	static final String RESOURCE = "passwords/common-10000.txt";

	private final Set<String> passwords;

	CommonPasswords() {
		this.passwords = Set.copyOf(read());
	}

	boolean contains(String password) {
		return password != null && passwords.contains(password.strip().toLowerCase(Locale.ROOT));
	}

	int size() {
		return passwords.size();
	}

	private static Set<String> read() {
		Set<String> read = new HashSet<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(read::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		return read;
	}

}
