package io.securityinfo.email.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Present only while the console email gateway is the selected one (the default). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "app.email.provider", havingValue = "console", matchIfMissing = true)
@interface ConditionalOnConsoleGateway {

}
