package io.securityinfo.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Developer settings.
 *
 * @param consoleGatewaysAllowed lets a console gateway start where it is otherwise refused: under the
 * {@code postgres} profile or with a public URL that is not this machine's (a shared trial, a test)
 */
@ConfigurationProperties("app.dev")
record DevProperties(boolean consoleGatewaysAllowed) {

}
