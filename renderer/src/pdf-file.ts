/** PDFs that arrive from the API as base64: show them in a new tab, or save them as a file. */
function pdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

export function openPdf(base64: string): void {
  const url = URL.createObjectURL(pdfBlob(base64));
  window.open(url, '_blank', 'noopener');
  // The new tab has loaded the PDF long before this.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function savePdf(base64: string, fileName: string): void {
  const url = URL.createObjectURL(pdfBlob(base64));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
