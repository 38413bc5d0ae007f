// Takes the place of `base64-js` for unicode-properties in the pdf-vendor bundle (build.ts): the
// same three functions on Node's native base64. unicode-properties decodes its Unicode table from
// base64 when it loads (a few ms of cold JavaScript). Each array owns its buffer, as base64-js's
// do: unicode-trie reads `array.buffer` from its start.
function checkLength(b64) {
  if (b64.length % 4 > 0) throw new Error('Invalid string. Length must be a multiple of 4');
}

exports.byteLength = function byteLength(b64) {
  checkLength(b64);
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length * 3) / 4 - padding;
};

exports.toByteArray = function toByteArray(b64) {
  checkLength(b64);
  return new Uint8Array(Buffer.from(b64, 'base64'));
};

exports.fromByteArray = function fromByteArray(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
};
