// Takes the place of `brotli/decompress.js` in the pdf-vendor bundle (build.ts). fontkit requires it
// at import but calls it only to open WOFF2 fonts; loading it evaluates a 120 KB dictionary
// (~20 ms). The real module is required, as fontkit would require it, on the first call.
const { createRequire } = require('node:module');

let real;
module.exports = function decompress(buffer, outSize) {
  real ??= createRequire(require.resolve('fontkit'))('brotli/decompress.js');
  return real(buffer, outSize);
};
