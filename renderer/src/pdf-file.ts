/** PDFs that arrive from the API as base64: show them in the page, or save them as a file. */
function pdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** A blob: URL for showing the PDF in an iframe; revoke it when the view goes away. */
export function pdfObjectUrl(base64: string): string {
  return URL.createObjectURL(pdfBlob(base64));
}

export function savePdf(base64: string, fileName: string): void {
  const url = URL.createObjectURL(pdfBlob(base64));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
