// Preloaded into a measured process (`node --import ./peak-at-exit.mjs …`): writes the process's
// peak resident memory to stderr as it exits, for benches that run the real `musubi` command.
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `\nMUSUBI_PEAK_KB ${process.resourceUsage().maxRSS}\n`);
});
