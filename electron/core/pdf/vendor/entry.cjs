// Entry of the pdf-vendor bundle (build.ts): pdfkit and the one fontkit instance it draws with,
// which our own font code (japanese-font.ts) shares so a font parsed once serves both.
exports.PDFDocument = require('pdfkit');
exports.fontkit = require('fontkit');
