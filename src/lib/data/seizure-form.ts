/**
 * The seizure form's values as typed, turned into the API's body (with the problems found before
 * sending), and the server's 400s mapped back to the fields they name.
 */
import type { Agency, Category, Province, TransportMode } from '$lib/domain';
import { isoDay } from '$lib/i18n/format';
import { fromVn2000, parseCoordinate, toVn2000 } from './coords';
import type { SeizureInput, SeizureRecord } from './seizures-api';

export type Crs = 4326 | 3405;

export interface SeizureFormValues {
  /** `YYYY-MM-DD`, '' when empty; undefined when the text typed is not a day. */
  date: string | undefined;
  province: Province;
  category: Category | '';
  goods: string;
  quantity: string;
  unit: string;
  value: string;
  subjects: string;
  transport: TransportMode | '';
  agency: Agency | '';
  caseRef: string;
  crs: Crs;
  /** Longitude or X, as typed. */
  a: string;
  /** Latitude or Y, as typed. */
  b: string;
}

/** The form's fields a problem can sit beside. */
export type FormField =
  | 'date'
  | 'province'
  | 'category'
  | 'goods'
  | 'quantity'
  | 'unit'
  | 'value'
  | 'subjects'
  | 'transport'
  | 'agency'
  | 'caseRef'
  | 'place';

/** Problems by field: a message key of the form's, or the server's own words. */
export type FieldProblems = Partial<Record<FormField, { key?: string; text?: string }>>;

/** The values each field's problem depends on: a place is its two coordinates and their CRS. */
const PROBLEM_INPUTS: Record<FormField, (keyof SeizureFormValues)[]> = {
  date: ['date'],
  province: ['province'],
  category: ['category'],
  goods: ['goods'],
  quantity: ['quantity', 'unit'],
  unit: ['quantity', 'unit'],
  value: ['value'],
  subjects: ['subjects'],
  transport: ['transport'],
  agency: ['agency'],
  caseRef: ['caseRef'],
  place: ['crs', 'a', 'b'],
};

/**
 * The problems still worth showing: a field's problem stands until the analyst changes what it
 * was found in, so a "Required." does not linger under a field already filled.
 * @example standingProblems({ category: { key: 'form.required' } }, before, { ...before, category: 'fuel' }) // {}
 */
export function standingProblems(
  problems: FieldProblems,
  checked: SeizureFormValues,
  now: SeizureFormValues,
): FieldProblems {
  const out: FieldProblems = {};
  for (const [field, problem] of Object.entries(problems) as [
    FormField,
    FieldProblems[FormField],
  ][]) {
    if (PROBLEM_INPUTS[field].every((k) => checked[k] === now[k])) out[field] = problem;
  }
  return out;
}

export function emptyForm(province: Province, agency: Agency | ''): SeizureFormValues {
  return {
    date: '',
    province,
    category: '',
    goods: '',
    quantity: '',
    unit: '',
    value: '',
    subjects: '0',
    transport: '',
    agency,
    caseRef: '',
    crs: 4326,
    a: '',
    b: '',
  };
}

export function recordToForm(r: SeizureRecord): SeizureFormValues {
  return {
    date: isoDay(r.occurred_at) ?? '',
    province: r.province ?? 'an_giang',
    category: r.category,
    goods: r.goods ?? '',
    quantity: r.quantity === null || r.quantity === undefined ? '' : String(r.quantity),
    unit: r.unit ?? '',
    value: r.value_vnd === null || r.value_vnd === undefined ? '' : String(r.value_vnd),
    subjects: String(r.subjects ?? 0),
    transport: r.transport_mode,
    agency: r.lead_agency,
    caseRef: r.case_ref ?? '',
    crs: 4326,
    a: String(r.lon),
    b: String(r.lat),
  };
}

/**
 * The point typed, as [lon, lat], or null when either number is missing or not a number.
 * @example pointOf({ crs: 4326, a: '105,1', b: '10.5' }) // [105.1, 10.5]
 */
export function pointOf(v: Pick<SeizureFormValues, 'crs' | 'a' | 'b'>): [number, number] | null {
  const a = parseCoordinate(v.a);
  const b = parseCoordinate(v.b);
  if (a === undefined || b === undefined) return null;
  return v.crs === 4326 ? [a, b] : fromVn2000(a, b);
}

/** The coordinates of a point in a form's system, as the fields show them. */
export function coordinatesIn(crs: Crs, lngLat: [number, number]): { a: string; b: string } {
  if (crs === 4326) return { a: lngLat[0].toFixed(6), b: lngLat[1].toFixed(6) };
  const [x, y] = toVn2000(lngLat[0], lngLat[1]);
  return { a: x.toFixed(1), b: y.toFixed(1) };
}

/** Digits of a sum typed with group separators (`1.250.000`, `1,250,000`, `1 250 000`). */
function wholeNumber(text: string): number | undefined {
  const s = text.replace(/[\s.,]/g, '');
  if (s === '' || !/^\d+$/.test(s)) return undefined;
  return Number(s);
}

/**
 * The API body of the form, or the problems that keep it from being sent.
 * @example formToInput({ ...emptyForm('an_giang', 'customs'), date: '' }).problems.date // { key: 'form.required' }
 */
export function formToInput(v: SeizureFormValues): {
  input: SeizureInput | null;
  problems: FieldProblems;
} {
  const problems: FieldProblems = {};
  if (v.date === undefined) problems.date = { key: 'form.badDate' };
  else if (v.date === '') problems.date = { key: 'form.required' };
  if (!v.category) problems.category = { key: 'form.required' };
  if (!v.transport) problems.transport = { key: 'form.required' };
  if (!v.agency) problems.agency = { key: 'form.required' };
  const quantity = v.quantity.trim() === '' ? undefined : parseCoordinate(v.quantity);
  if (v.quantity.trim() !== '' && (quantity === undefined || quantity < 0))
    problems.quantity = { key: 'form.badNumber' };
  const value = v.value.trim() === '' ? undefined : wholeNumber(v.value);
  if (v.value.trim() !== '' && value === undefined) problems.value = { key: 'form.badNumber' };
  const subjects = wholeNumber(v.subjects.trim() === '' ? '0' : v.subjects);
  if (subjects === undefined) problems.subjects = { key: 'form.badNumber' };
  const a = parseCoordinate(v.a);
  const b = parseCoordinate(v.b);
  if (v.a.trim() === '' && v.b.trim() === '') problems.place = { key: 'form.needPlace' };
  else if (a === undefined || b === undefined) problems.place = { key: 'form.badNumber' };
  if (Object.keys(problems).length > 0) return { input: null, problems };
  const place = v.crs === 4326 ? { lon: a!, lat: b! } : { x: a!, y: b!, crs: 3405 as const };
  const input: SeizureInput = {
    occurred_at: v.date as string,
    province: v.province,
    category: v.category as Category,
    subjects: subjects!,
    transport_mode: v.transport as TransportMode,
    lead_agency: v.agency as Agency,
    ...place,
  };
  if (v.goods.trim()) input.goods = v.goods.trim();
  if (quantity !== undefined) input.quantity = quantity;
  if (v.unit.trim()) input.unit = v.unit.trim();
  if (value !== undefined) input.value_vnd = value;
  if (v.caseRef.trim()) input.case_ref = v.caseRef.trim();
  return { input, problems };
}

const FIELD_OF: Record<string, FormField> = {
  occurred_at: 'date',
  province: 'province',
  category: 'category',
  goods: 'goods',
  quantity: 'quantity',
  unit: 'unit',
  value_vnd: 'value',
  subjects: 'subjects',
  transport_mode: 'transport',
  lead_agency: 'agency',
  case_ref: 'caseRef',
  lon: 'place',
  lat: 'place',
  x: 'place',
  y: 'place',
  crs: 'place',
  geometry: 'place',
};

/**
 * A server's 400 as problems beside the fields it names (`details.problems[].field`,
 * `details.field` or `details.parameter`); `outside_area` sits beside the place. What names no
 * field of the form comes back as `rest`.
 */
export function serverProblems(error: {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}): { problems: FieldProblems; rest: string[] } {
  const problems: FieldProblems = {};
  const rest: string[] = [];
  const put = (field: string | undefined, text: string) => {
    const f = field ? FIELD_OF[field.split('.')[0]] : undefined;
    if (f) problems[f] = { text: problems[f]?.text ? `${problems[f]?.text}; ${text}` : text };
    else rest.push(text);
  };
  if (error.code === 'outside_area') {
    problems.place = { key: 'form.outsideArea' };
    return { problems, rest };
  }
  const d = error.details ?? {};
  const list = Array.isArray(d.problems)
    ? (d.problems as { field?: string; message?: string }[])
    : [];
  if (list.length > 0) for (const p of list) put(p.field, p.message ?? error.message);
  else if (typeof d.field === 'string') put(d.field, error.message);
  else if (typeof d.parameter === 'string') put(d.parameter, error.message);
  else rest.push(error.message);
  return { problems, rest };
}
