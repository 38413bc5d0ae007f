import fs from 'node:fs';
import type { AnswerMap } from '../../shared/domain/settings';
import { MusubiError } from '../../shared/errors';
import { catalogueOfField } from '../core/import/answer-map';
import { t } from './i18n/translate';

/**
 * `musubi import --value-map`: either one choice, `industry:製造業=manufacturing` (an empty id,
 * `goals:特になし=`, keeps the answer in the note without a warning), or a JSON file of them,
 * `{"industry": {"製造業": "manufacturing"}, "goals": {"人脈を広げたい": "network"}}`.
 * industry and lookingFor share the industry list, so a choice made for one holds for both.
 */
const ONE_CHOICE = /^([A-Za-z_-]+):(.+)=([a-z0-9-]*)$/;

function add(map: AnswerMap, field: string, answer: string, id: unknown, where: string): void {
  const catalogue = catalogueOfField(field);
  if (!catalogue) throw new MusubiError('invalid-input', t('valueMap.unknownField', { field }), where);
  if (typeof id !== 'string') throw new MusubiError('invalid-input', t('valueMap.idNotText', { answer }), where);
  if (answer.trim() === '') throw new MusubiError('invalid-input', t('valueMap.emptyAnswer'), where);
  map[catalogue][answer.trim()] = id.trim();
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MusubiError('invalid-input', t('valueMap.cannotRead', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), file);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new MusubiError('invalid-input', t('valueMap.notJson', { file, reason: (error as Error).message }), file);
  }
}

export function parseValueMaps(specs: readonly string[]): AnswerMap | undefined {
  if (specs.length === 0) return undefined;
  const map: AnswerMap = { industries: {}, goals: {} };
  for (const spec of specs) {
    const one = ONE_CHOICE.exec(spec);
    if (one && !fs.existsSync(spec)) {
      add(map, one[1] ?? '', one[2] ?? '', one[3] ?? '', `--value-map ${spec}`);
      continue;
    }
    const json = readJson(spec);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new MusubiError('invalid-input', t('valueMap.notObject', { file: spec }), spec);
    }
    for (const [field, choices] of Object.entries(json)) {
      if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
        throw new MusubiError('invalid-input', t('valueMap.fieldNotObject', { field, file: spec }), `${spec} ${field}`);
      }
      for (const [answer, id] of Object.entries(choices as Record<string, unknown>)) add(map, field, answer, id, `${spec} ${field}`);
    }
  }
  return map;
}
