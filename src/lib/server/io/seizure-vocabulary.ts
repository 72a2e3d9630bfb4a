/**
 * Category, agency and transport values as officers write them: the code (`cigarettes`), or the
 * app's own Vietnamese or English label (`Thuốc lá`, `Cigarettes`), with or without diacritics.
 */
import { AGENCIES, CATEGORIES, PROVINCES, TRANSPORT_MODES } from '../../domain';
import { en, vi, type MessageKey } from '../../i18n/messages';
import { normaliseLabel } from './seizure-columns';

type Lookup = Map<string, string>;

function lookup(prefix: string, codes: readonly string[], extra: Record<string, string> = {}) {
  const map: Lookup = new Map();
  for (const code of codes) {
    map.set(normaliseLabel(code), code);
    map.set(normaliseLabel(code.replace(/_/g, ' ')), code);
    const key = `${prefix}.${code}` as MessageKey;
    if (key in vi) map.set(normaliseLabel(vi[key]), code);
    if (key in en) map.set(normaliseLabel(en[key]), code);
  }
  for (const [label, code] of Object.entries(extra)) map.set(normaliseLabel(label), code);
  return map;
}

const VOCABULARY = {
  category: lookup('category', CATEGORIES),
  lead_agency: lookup('agency', AGENCIES, {
    'Bộ đội Biên phòng': 'border_guard',
    BĐBP: 'border_guard',
    'Hải quan': 'customs',
    'Phối hợp': 'joint',
  }),
  transport_mode: lookup('transport', TRANSPORT_MODES),
  province: lookup('province', PROVINCES),
} satisfies Record<string, Lookup>;

export type VocabularyField = keyof typeof VOCABULARY;

/**
 * The code a written value stands for, or undefined when it names none.
 * @example codeOf('lead_agency', 'Biên Phòng') // 'border_guard'
 * @example codeOf('category', 'thuoc la') // 'cigarettes'
 */
export function codeOf(field: VocabularyField, value: string): string | undefined {
  return VOCABULARY[field].get(normaliseLabel(value));
}
