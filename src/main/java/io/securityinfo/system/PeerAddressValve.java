package io.securityinfo.system;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import io.securityinfo.outbox.LocalRequests;

/**
 * Records the address at the other end of the connection on every request. Tomcat keeps it apart from the client
 * address, which RemoteIpValve replaces with the one a trusted proxy names in {@code X-Forwarded-For}; so the
 * valves' order does not matter.
 */
class PeerAddressValve extends ValveBase {

	PeerAddressValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(LocalRequests.PEER_ADDRESS_ATTRIBUTE, request.getPeerAddr());
		getNext().invoke(request, response);
	}

}
