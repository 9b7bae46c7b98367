package io.securityinfo.twostep;

/**
 * Paths the app may send a browser back to: a path on this site and nothing a browser could read as another
 * origin. {@code //host} and {@code /\host} are taken by browsers as another host, a scheme ({@code https:},
 * {@code javascript:}) leaves the site, and control characters or spaces could split a header or be dropped on the
 * way into one of those.
 */
public final class LocalPaths {

	private LocalPaths() {
	}

	public static boolean isLocal(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//")) {
			return false;
		}
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c <= ' ' || c == 0x7f || c == '\\' || (c >= 0x80 && Character.isISOControl(c))) {
				return false;
			}
		}
		return true;
	}

}
