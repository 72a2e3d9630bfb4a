import { en, vi, type MessageKey } from './messages';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { vi, en };

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible so a missing
 * parameter is noticed rather than silently blank.
 * @example interpolate('{n} selected', { n: 3 }) // '3 selected'
 */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Looks a key up in one locale's dictionary, falling back to Vietnamese, then the key. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return interpolate(DICTIONARIES[locale][key] ?? vi[key] ?? key, params);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}
