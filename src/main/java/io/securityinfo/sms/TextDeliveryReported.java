package io.securityinfo.sms;

/**
 * The provider reported how far a text it took has got. Published by the provider's gateway once it has proved
 * that the report comes from the provider; the module that sent the text records it.
 *
 * @param providerMessageId the id {@link SmsGateway#sendText} answered with
 * @param status where the text is now
 * @param errorCode the provider's error code when the text was not delivered (Twilio's 30003 "unreachable
 * handset", for one), else null
 */
public record TextDeliveryReported(String providerMessageId, DeliveryStatus status, String errorCode) {

}
