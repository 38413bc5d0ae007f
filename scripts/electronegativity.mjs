// Runs Electronegativity (Doyensec's checker for Electron misconfigurations) over the app's own
// sources: `npm run lint` runs it. It fails when a finding above informational is left that is
// not explained where it is (an `/* eng-disable CHECK_ID */` comment with the reason, which the
// tool itself honours). Run offline: the tool would fetch translations and Electron's release
// list from the internet; the first is replaced by its bundled English texts, and the release
// check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is left out, as Electron updates are the
// release process's job (README "Desktop installers").
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(path.join(toolDir, 'dist', 'runner.js'));

// Its English texts, without the download of "updated" ones.
const i18n = toolRequire('i18n');
i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.join(toolDir, 'dist', 'locales'), updateFiles: false, objectNotation: true, register: global });
i18n.setLocale('en-US');
const i18nModule = toolRequire.resolve('./locales/i18n');
toolRequire.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: { __esModule: true, default: async () => {} } };
// Nothing it loads may reach the network.
const gotModule = toolRequire.resolve('got');
const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
offline.head = offline;
toolRequire.cache[gotModule] = { id: gotModule, filename: gotModule, loaded: true, exports: { __esModule: true, default: offline } };

const run = toolRequire('./runner.js');
const electronVersion = require('electron/package.json').version;

// The app's sources, copied into one folder: its global checks (is there a CSP, a permission
// handler, navigation limits?) look across every file of one input. Built bundles (dist,
// dist-electron) are left out: they would report the bundled libraries' code.
const SOURCES = ['package.json', 'electron', 'shared', 'renderer/index.html', 'renderer/src'];
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-electronegativity-'));

let failed = false;
try {
  for (const source of SOURCES) fs.cpSync(path.join(root, source), path.join(staging, source), { recursive: true });
  const result = await run({
    input: staging,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
  });
  for (const error of result.errors.filter((e) => !e.tolerable)) console.warn(`electronegativity: could not parse ${error.file}: ${error.message}`);
  for (const issue of result.issues) {
    const above = issue.severity.value > 0;
    failed ||= above;
    console.log(`${above ? 'FAIL' : 'info'} ${issue.id} ${issue.severity.name}/${issue.confidence.name} ${issue.file}:${issue.location.line} — ${issue.description}`);
  }
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
if (failed) {
  console.error('electronegativity: fix the findings above, or explain each where it is (/* eng-disable CHECK_ID */ and why).');
  process.exit(1);
}
console.log('electronegativity: no finding above informational');
