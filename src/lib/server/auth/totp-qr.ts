import { renderSVG } from 'uqr';

const OPTIONS = { ecc: 'M', border: 2, pixelSize: 6 } as const;

/**
 * The otpauth:// URI of a TOTP setup as a QR code for the phone's camera: an SVG of rectangles
 * only (no script, no text, no external reference), so the page shows it inline under the CSP.
 * Anything but an otpauth://totp/ URI gets no image.
 */
export function totpQrSvg(uri: string): string | null {
	if (!uri.startsWith('otpauth://totp/')) return null;
	return renderSVG(uri, OPTIONS);
}

/** The options the image is drawn with (for the test that reads the modules back). */
export const totpQrOptions = OPTIONS;
