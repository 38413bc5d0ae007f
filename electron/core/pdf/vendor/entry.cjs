// Entry of the pdf-vendor bundle (build.ts): pdfkit, the one fontkit instance it draws with (which
// our own font code, japanese-font.ts, shares, so a font parsed once serves both), and qrcode's
// encoder for badges. The encoder alone (not qrcode's PNG, SVG and terminal renderers), and behind
// a function: the bundle initialises it on the first badge with a QR code, not when pdfkit loads.
exports.PDFDocument = require('pdfkit');
exports.fontkit = require('fontkit');
exports.qrEncoder = () => require('qrcode/lib/core/qrcode');
