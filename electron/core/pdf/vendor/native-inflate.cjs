// Takes the place of `tiny-inflate` in the pdf-vendor bundle (build.ts): the same raw DEFLATE
// decoding, `inflate(source, dest)` filling `dest` and returning it (cut to the decoded length),
// done by Node's zlib instead of JavaScript. fontkit and unicode-properties inflate their Unicode
// tables with it when they load (~15 ms in JavaScript on a fresh process, well under 1 ms native).
const zlib = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = zlib.inflateRawSync(source);
  if (out.length > dest.length) throw new Error('Data error');
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};
