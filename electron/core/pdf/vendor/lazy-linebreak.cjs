// Takes the place of `linebreak` in the pdf-vendor bundle (build.ts). pdfkit requires it at import
// but only constructs it (`new LineBreaker(text)`) to wrap text; loading it inflates its Unicode
// line-break table (~10 ms), and badges break their lines themselves. The real class is required,
// as pdfkit would require it, on the first construction.
const { createRequire } = require('node:module');

let Real;
module.exports = function LineBreaker(text) {
  Real ??= createRequire(require.resolve('pdfkit'))('linebreak');
  return new Real(text);
};
