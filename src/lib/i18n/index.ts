export {
  i18n,
  t,
  label,
  translate,
  interpolate,
  isLocale,
  LOCALES,
  type Locale,
} from './locale.svelte';
export { vi, en, type MessageKey } from './messages';
export * from './format';
