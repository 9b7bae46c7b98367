package io.securityinfo.sms.twilio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Present only while Twilio is the selected gateway: nothing of Twilio's, its webhook included, exists else. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "app.sms.provider", havingValue = "twilio")
@interface ConditionalOnTwilioGateway {

}
