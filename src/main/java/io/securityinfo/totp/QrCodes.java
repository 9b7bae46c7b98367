package io.securityinfo.totp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/**
 * QR codes as PNG images, drawn here: the secret in the code must never travel to a QR service on the internet,
 * and the Content-Security-Policy would not show its images anyway.
 */
@Component
class QrCodes {

	/** Pixels per module: large enough to scan from a laptop screen, an exact multiple so no module blurs. */
	private static final int SCALE = 6;

	/** The light border that scanners need around the code, in modules. */
	private static final int QUIET_ZONE = 4;

	private static final int DARK = 0x000000;

	private static final int LIGHT = 0xFFFFFF;

	/** Contents in ASCII (a percent-encoded URI), so no character set marker confuses older scanners. */
	byte[] png(String contents) {
		BitMatrix modules;
		try {
			modules = new QRCodeWriter().encode(contents, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("The QR code cannot hold " + contents.length() + " characters", ex);
		}
		BufferedImage image = new BufferedImage(modules.getWidth() * SCALE, modules.getHeight() * SCALE,
				BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, modules.get(x / SCALE, y / SCALE) ? DARK : LIGHT);
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

}
