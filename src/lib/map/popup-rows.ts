/**
 * What a popup says about one feature, in the page's language: a title, labelled rows, and the
 * internal code as a small reference. Pure (translation by locale, no runes) so every string a
 * user reads can be tested.
 */
import { goodsName, unitName } from '$lib/goods-catalogue';
import {
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatLatLon,
  formatVnd,
} from '$lib/i18n/format';
import { vi, type MessageKey } from '$lib/i18n/messages';
import { translate, type Locale } from '$lib/i18n/translate';
import { normaliseNeighbour } from './labels';
import type { PickLayer, PickedFeature } from './pick';
import { objectRows, objectTitle, reportRows, reportTitle } from './report-popup';

export interface PopupRow {
  key: MessageKey;
  value: string;
  /** Text a copy button puts on the clipboard (coordinates). */
  copy?: string;
}

export interface PopupView {
  layer: PickLayer;
  title: string;
  rows: PopupRow[];
  /** A longer remark shown under the rows (a frontier's accuracy note). */
  note?: string;
  /** The record's internal code, shown small for cross-reference with exports. */
  reference?: string;
  synthetic: boolean;
}

const has = (v: unknown) => v !== null && v !== undefined && v !== '';
const num = (v: unknown) => (typeof v === 'string' ? Number(v) : (v as number));

/** A message for a key built from data (`category.fuel`), or the raw value if there is none. */
function labelIn(locale: Locale, prefix: string, value: unknown): string {
  const key = `${prefix}.${String(value)}`;
  return key in vi ? translate(locale, key as MessageKey) : has(value) ? String(value) : '–';
}

function nameIn(locale: Locale, p: Record<string, unknown>): string {
  const [first, second] = locale === 'vi' ? [p.name_vi, p.name_en] : [p.name_en, p.name_vi];
  const name = [first, second, p.name].find(has);
  return name === undefined ? '–' : String(name);
}

function neighbourIn(locale: Locale, v: unknown): string {
  const n = normaliseNeighbour(v);
  if (n) return translate(locale, n === 'cambodia' ? 'neighbour.KH' : 'neighbour.CN');
  return has(v) ? String(v) : '–';
}

/** `12,5 km` / `12.5 km`, or a dash. */
function km(locale: Locale, v: unknown): string {
  return has(v) ? translate(locale, 'unit.km', { n: formatDecimal(num(v), locale) }) : '–';
}

/** Metres below a kilometre, kilometres above: `± 300 m`, `± 1,5 km`. */
export function accuracyText(metres: number, locale: Locale): string {
  if (!Number.isFinite(metres) || metres < 0) return '–';
  return metres < 1000
    ? `± ${translate(locale, 'unit.m', { n: formatInteger(metres, locale) })}`
    : `± ${translate(locale, 'unit.km', { n: formatDecimal(metres / 1000, locale) })}`;
}

function seizureRows(locale: Locale, p: Record<string, unknown>, f: PickedFeature): PopupRow[] {
  const quantity = has(p.quantity) ? num(p.quantity) : undefined;
  const rows: PopupRow[] = [
    { key: 'popup.time', value: formatDateTime(p.occurred_at as string) },
    { key: 'popup.category', value: labelIn(locale, 'category', p.category) },
    {
      key: 'popup.quantity',
      value:
        quantity === undefined
          ? '–'
          : `${formatDecimal(quantity, locale)} ${unitName(p.unit, locale, quantity)}`.trim(),
    },
    { key: 'popup.value', value: formatVnd(p.value_vnd as number, locale) },
    {
      key: 'popup.subjects',
      value: has(p.subjects) ? formatInteger(num(p.subjects), locale) : '–',
    },
    { key: 'popup.transport', value: labelIn(locale, 'transport', p.transport_mode) },
    { key: 'popup.agency', value: labelIn(locale, 'agency', p.lead_agency) },
    { key: 'popup.caseRef', value: has(p.case_ref) ? String(p.case_ref) : '–' },
    { key: 'popup.source', value: labelIn(locale, 'source', p.source) },
    { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
  ];
  if (f.lngLat) {
    const text = formatLatLon(f.lngLat[1], f.lngLat[0]);
    rows.push({ key: 'popup.coordinates', value: text, copy: text });
  }
  return rows;
}

function frontierRows(locale: Locale, p: Record<string, unknown>): PopupRow[] {
  const rows: PopupRow[] = [
    { key: 'popup.neighbour', value: neighbourIn(locale, p.neighbour) },
    { key: 'popup.length', value: km(locale, p.length_km) },
    { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
  ];
  if (has(p.accuracy_m)) {
    rows.push({ key: 'popup.accuracy', value: accuracyText(num(p.accuracy_m), locale) });
  }
  return rows;
}

function rowsOf(locale: Locale, f: PickedFeature): PopupRow[] {
  const p = f.properties;
  switch (f.layer) {
    case 'seizures':
      return seizureRows(locale, p, f);
    case 'border_gates':
      return [
        { key: 'popup.kind', value: labelIn(locale, 'gateKind', p.kind) },
        { key: 'popup.mode', value: labelIn(locale, 'gateMode', p.mode) },
        { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
      ];
    case 'waterways':
      return [
        { key: 'popup.kind', value: labelIn(locale, 'waterwayKind', p.kind) },
        {
          key: 'popup.crossesBorder',
          value: translate(locale, p.crosses_border ? 'popup.yes' : 'popup.no'),
        },
        { key: 'popup.length', value: km(locale, p.length_km) },
        { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
      ];
    case 'trails':
      return [
        { key: 'popup.kind', value: labelIn(locale, 'trailKind', p.kind) },
        { key: 'popup.length', value: km(locale, p.length_km) },
        { key: 'popup.note', value: has(p.note) ? String(p.note) : '–' },
        { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
      ];
    case 'frontier':
      return frontierRows(locale, p);
    case 'patrol_routes':
      return [
        { key: 'popup.agency', value: labelIn(locale, 'agency', p.agency) },
        { key: 'popup.unit', value: has(p.unit) ? String(p.unit) : '–' },
        {
          key: 'popup.radius',
          value: has(p.radius_m)
            ? translate(locale, 'unit.m', { n: formatInteger(num(p.radius_m), locale) })
            : '–',
        },
        {
          key: 'popup.shifts',
          value: has(p.shifts_per_week) ? formatDecimal(num(p.shifts_per_week), locale) : '–',
        },
        { key: 'popup.length', value: km(locale, p.length_km) },
        { key: 'popup.province', value: labelIn(locale, 'province', p.province) },
        { key: 'popup.version', value: has(p.version) ? String(p.version) : '–' },
      ];
    case 'provinces':
      return [{ key: 'popup.neighbour', value: neighbourIn(locale, p.neighbour) }];
    case 'reports':
      return reportRows(locale, p);
    case 'objects_near_frontier':
      return objectRows(locale, p);
  }
}

/** The popup's content for one feature in `locale`. */
export function popupView(f: PickedFeature, locale: Locale): PopupView {
  const p = f.properties;
  const title =
    f.layer === 'seizures'
      ? (goodsName(p, locale) ?? labelIn(locale, 'category', p.category))
      : f.layer === 'reports'
        ? reportTitle(p, locale)
        : f.layer === 'objects_near_frontier'
          ? objectTitle(p, locale)
          : nameIn(locale, p);
  const noteKey = locale === 'vi' ? 'accuracy_note_vi' : 'accuracy_note_en';
  const otherNote = locale === 'vi' ? 'accuracy_note_en' : 'accuracy_note_vi';
  const note = f.layer === 'frontier' ? [p[noteKey], p[otherNote]].find(has) : undefined;
  return {
    layer: f.layer,
    title,
    rows: rowsOf(locale, f),
    note: note === undefined ? undefined : String(note),
    // A seizure's case reference is a row already; other layers' codes are internal slugs.
    reference: f.layer !== 'seizures' && has(p.code) ? String(p.code) : undefined,
    synthetic: p.synthetic === true || p.synthetic === 'true',
  };
}
