package io.securityinfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the embedded default generates on first start and keeps under {@code ./data} (the one-time-code key, the
 * authenticator app key). A new file is created readable and writable by its owner only, with those permissions
 * given as it is created, so it is never readable by others even for a moment; an existing file that others may
 * read or change stops start-up, since its key may already be known.
 */
public final class KeyFiles {

	private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private KeyFiles() {
	}

	/**
	 * The Base64 key in this file; when there is no file, a new random key of this many bytes, written to a new file
	 * that only its owner can read.
	 * @param description what the key is for, for the log and for errors
	 */
	public static String readOrCreate(Path file, int keyBytes, String description) {
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[keyBytes];
				new SecureRandom().nextBytes(key);
				String encoded = Base64.getEncoder().encodeToString(key);
				if (create(file, encoded)) {
					log.info("Generated a new {} in {} (readable by its owner only)", description, file);
					return encoded;
				}
			}
			requireOwnerOnly(file, description);
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the " + description + " " + file, ex);
		}
	}

	/** @return false when another process created the file first: it is then read like any existing one */
	private static boolean create(Path file, String content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		FileAttribute<?>[] attributes = isPosix(file)
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) } : new FileAttribute<?>[0];
		try (SeekableByteChannel channel = Files.newByteChannel(file,
				EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
			ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
	}

	private static void requireOwnerOnly(Path file, String description) throws IOException {
		if (!isPosix(file)) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (!OWNER_ONLY.containsAll(permissions)) {
			throw new IllegalStateException("The " + description + " file " + file + " is open to other users ("
					+ PosixFilePermissions.toString(permissions) + "): its key may be known. Make it readable by its "
					+ "owner only (chmod 600 " + file + "), or delete it to generate a new key");
		}
	}

	private static boolean isPosix(Path file) {
		return file.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
