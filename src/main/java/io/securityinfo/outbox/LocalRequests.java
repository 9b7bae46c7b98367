package io.securityinfo.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from the machine the app runs on: for the developer's pages that show what the console
 * gateways "sent". It trusts only the connection itself, never a forwarding header: the peer address of the socket
 * (recorded by {@link PeerAddressValve} before Tomcat's RemoteIpValve may replace the client address with one from
 * {@code X-Forwarded-For}) must be a loopback address, and the request must not have been forwarded for someone else,
 * as a proxy on the same machine would.
 */
public final class LocalRequests {

	/** The request attribute holding the socket's peer address, set on every request Tomcat serves. */
	public static final String PEER_ADDRESS_ATTRIBUTE = LocalRequests.class.getName() + ".peerAddress";

	/** Set by Tomcat's RemoteIpValve on a request it took the client address of from a trusted proxy's header. */
	private static final String FORWARDED_ATTRIBUTE = "org.apache.tomcat.request.forwarded";

	private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");

	private LocalRequests() {
	}

	public static boolean isFromThisMachine(HttpServletRequest request) {
		if (request.getAttribute(FORWARDED_ATTRIBUTE) != null
				|| FORWARDING_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
			return false;
		}
		// Outside Tomcat (MockMvc) there is no valve: the client address is then the connection's own.
		Object peer = request.getAttribute(PEER_ADDRESS_ATTRIBUTE);
		String connection = peer instanceof String address ? address : request.getRemoteAddr();
		return isLoopbackAddress(connection) && isLoopbackAddress(request.getRemoteAddr());
	}

	/**
	 * Whether this is an IP address of the loopback interface (127.0.0.0/8, ::1). A host name is not, whatever it
	 * resolves to: nothing is looked up.
	 */
	public static boolean isLoopbackAddress(String address) {
		if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** Whether a public URL's host is this machine only: {@code localhost} or a loopback address. */
	public static boolean isLoopbackHost(String host) {
		if (host == null) {
			return false;
		}
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		return "localhost".equalsIgnoreCase(bare) || isLoopbackAddress(bare);
	}

}
