// Takes the place of `@noble/ciphers/aes` in the pdf-vendor bundle (build.ts). pdfkit requires it
// at import but calls it only to encrypt a PDF (`cbc`, `ecb`); loading it builds the AES tables
// (~15 ms). The real module is required, as pdfkit would require it, on the first call.
const { createRequire } = require('node:module');

let real;
const aes = () => (real ??= createRequire(require.resolve('pdfkit'))('@noble/ciphers/aes'));
exports.cbc = (...args) => aes().cbc(...args);
exports.ecb = (...args) => aes().ecb(...args);
