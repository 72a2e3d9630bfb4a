import { vi, type MessageKey } from './messages';
import { translate, type Locale } from './translate';

export { LOCALES, isLocale, translate, interpolate, type Locale } from './translate';

/**
 * The interface language. One instance for the page: server rendering is synchronous, so the
 * layout sets it from the URL before anything reads it within the same request.
 */
class I18n {
  locale = $state<Locale>('vi');

  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    translate(this.locale, key, params);

  /** A message for a key built from data (`category.fuel`), or the raw value if unknown. */
  label = (prefix: string, value: unknown): string => {
    const key = `${prefix}.${String(value)}`;
    return key in vi ? this.t(key as MessageKey) : String(value ?? '–');
  };
}

export const i18n = new I18n();
export const t = i18n.t;
export const label = i18n.label;
