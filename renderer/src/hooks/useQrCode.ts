import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** `text` as a QR image (SVG data URL: vector, with the quiet zone); undefined while it is drawn. */
export function useQrCode(text: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let active = true;
    void QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then((svg) => {
      if (active) setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      active = false;
    };
  }, [text]);
  return text ? url : undefined;
}
