import QRCode from "qrcode";

/**
 * A QR code drawn on the server as inline SVG: one path of dark modules, no script, no image address (the page's
 * policy allows images only from this site), sharp at any zoom. `label` is what a screen reader hears instead.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  let path = "";
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={232} height={232} shapeRendering="crispEdges" className="max-w-full bg-white">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
