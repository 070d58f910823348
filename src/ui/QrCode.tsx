import { useMemo } from 'react';
import encodeQR from 'qr';

/** Light modules around the symbol, in modules: the quiet zone the QR standard asks for. */
export const QUIET_ZONE = 4;

/**
 * The dark modules of a QR matrix as one SVG path, one `h` run per stretch of dark modules in a row
 * (far fewer nodes than one rectangle per module).
 */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

export interface QrCodeProps {
  /** What the code says when scanned. */
  text: string;
  /** Its accessible name. */
  label: string;
  className?: string;
}

/**
 * A QR code drawn on the device (the `qr` encoder, no service, no request): dark on light with the
 * standard quiet zone, as an SVG that scales crisply on screen and on paper.
 */
export function QrCode({ text, label, className }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    // Medium error correction (15%): survives a crease or a smudge on the printed handout.
    const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });
    return { size: matrix.length, path: qrPath(matrix) };
  }, [text]);
  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-modules={size - 2 * QUIET_ZONE}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
