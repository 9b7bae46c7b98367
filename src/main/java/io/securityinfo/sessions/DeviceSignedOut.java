package io.securityinfo.sessions;

/**
 * Published when a person signed one of their other sessions out from "Devices and activity", in the transaction
 * of the request.
 *
 * @param accountId whose session
 * @param browser the session's browser ("Chrome 131"); null when unknown
 * @param system the session's operating system ("Windows 10"); null when unknown
 */
public record DeviceSignedOut(long accountId, String browser, String system) {
}
