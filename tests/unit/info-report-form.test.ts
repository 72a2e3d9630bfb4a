import { describe, expect, it } from 'vitest';
import {
  emptyReportForm,
  formToReportInput,
  geometryOf,
  reportToForm,
  serverField,
  standing,
  verticesOf,
  vietnamDayBound,
} from '../../src/lib/info/report-form';
import type { Report } from '../../src/lib/info/reports-api';

const filled = () => ({
  ...emptyReportForm('an_giang', 'bp_vinh_xuong'),
  title: '  Ghe chở đường qua kênh  ',
  kind: 'boat' as const,
  reliability: 'B' as const,
  credibility: 2 as const,
  vertices: [[105.1234567, 10.6] as [number, number]],
});

describe('report form', () => {
  it('starts shared with both forces, amber, with the author unit listed', () => {
    const v = emptyReportForm('lang_son', 'bp_huu_nghi');
    expect(v.distribution).toBe('both');
    expect(v.tlp).toBe('amber');
    expect(v.units).toEqual(['bp_huu_nghi']);
    expect(emptyReportForm('lang_son', null).units).toEqual([]);
  });

  it('builds the body of a point report: trimmed title, 6 decimals, no province, no units', () => {
    const { input, problems } = formToReportInput(filled());
    expect(problems).toEqual({});
    expect(input).toEqual({
      title: 'Ghe chở đường qua kênh',
      kind: 'boat',
      reliability: 'B',
      credibility: 2,
      distribution: 'both',
      tlp: 'amber',
      geometry: { type: 'Point', coordinates: [105.123457, 10.6] },
    });
  });

  it('names every missing field and sends nothing', () => {
    const { input, problems } = formToReportInput(emptyReportForm('an_giang', null));
    expect(input).toBeNull();
    expect(problems).toEqual({
      title: 'info.form.required',
      kind: 'info.form.required',
      reliability: 'info.form.required',
      credibility: 'info.form.required',
      where: 'info.where.need.point',
    });
  });

  it('refuses TLP:RED unless sent to named units, and named units without any', () => {
    expect(formToReportInput({ ...filled(), tlp: 'red' }).problems).toEqual({
      tlp: 'info.form.redNeedsUnits',
    });
    expect(
      formToReportInput({ ...filled(), tlp: 'red', distribution: 'units', units: [] }).problems,
    ).toEqual({ units: 'info.form.unitsNeeded' });
    const ok = formToReportInput({
      ...filled(),
      tlp: 'red',
      distribution: 'units',
      units: ['bp_vinh_xuong', 'hq_tinh_bien'],
    });
    expect(ok.input?.units).toEqual(['bp_vinh_xuong', 'hq_tinh_bien']);
  });

  it('sends the observed days as Vietnam day bounds and refuses them reversed', () => {
    const { input } = formToReportInput({
      ...filled(),
      observedFrom: '2026-11-28',
      observedTo: '2026-11-30',
    });
    expect(input?.observed_from).toBe('2026-11-27T17:00:00.000Z');
    expect(input?.observed_to).toBe('2026-11-30T16:59:59.000Z');
    expect(
      formToReportInput({ ...filled(), observedFrom: '2026-12-01', observedTo: '2026-11-30' })
        .problems,
    ).toEqual({ observed: 'info.form.observedOrder' });
  });

  it('sends a named place instead of a geometry', () => {
    const { input } = formToReportInput({ ...filled(), mode: 'place', place: 'trails:LS-T03' });
    expect(input?.place).toBe('trails:LS-T03');
    expect(input).not.toHaveProperty('geometry');
    expect(formToReportInput({ ...filled(), mode: 'place', place: '' }).problems).toEqual({
      where: 'info.where.need.place',
    });
  });

  it('refuses a text over 4000 characters', () => {
    expect(formToReportInput({ ...filled(), text: 'x'.repeat(4001) }).problems).toEqual({
      text: 'info.form.tooLong',
    });
  });
});

describe('drawn geometry', () => {
  const a: [number, number] = [105, 10.5];
  const b: [number, number] = [105.1, 10.5];
  const c: [number, number] = [105.1, 10.6];

  it('needs 1, 2 and 3 vertices for a point, a line and an area', () => {
    expect(geometryOf('point', [])).toBeNull();
    expect(geometryOf('point', [a, b])).toEqual({ type: 'Point', coordinates: b });
    expect(geometryOf('line', [a])).toBeNull();
    expect(geometryOf('line', [a, b])).toEqual({ type: 'LineString', coordinates: [a, b] });
    expect(geometryOf('area', [a, b])).toBeNull();
    expect(geometryOf('area', [a, b, c])).toEqual({
      type: 'Polygon',
      coordinates: [[a, b, c, a]],
    });
  });

  it('reads a polygon back without its closing vertex', () => {
    expect(verticesOf({ type: 'Polygon', coordinates: [[a, b, c, a]] })).toEqual({
      mode: 'area',
      vertices: [a, b, c],
    });
  });
});

describe('standing problems', () => {
  it('drops a problem once its field changes, keeps the others', () => {
    const checked = emptyReportForm('an_giang', null);
    const { problems } = formToReportInput(checked);
    const now = { ...checked, title: 'Ghe', vertices: [[105, 10.5] as [number, number]] };
    expect(standing(problems, checked, now)).toEqual({
      kind: 'info.form.required',
      reliability: 'info.form.required',
      credibility: 'info.form.required',
    });
  });
});

describe('helpers', () => {
  it('bounds a Vietnam day in UTC', () => {
    expect(vietnamDayBound('2026-01-01', false)).toBe('2025-12-31T17:00:00.000Z');
    expect(vietnamDayBound('2026-01-01', true)).toBe('2026-01-01T16:59:59.000Z');
  });

  it('maps server field names onto the form', () => {
    expect(serverField(['geometry', 'coordinates'])).toBe('where');
    expect(serverField('observed_to')).toBe('observed');
    expect(serverField('distribution')).toBe('units');
    expect(serverField('agency')).toBeNull();
  });

  it('turns a report into form values (Vietnam days, place mode for a named place)', () => {
    const r = {
      title: 'T',
      kind: 'porter_group',
      category: null,
      province: 'lang_son',
      reliability: 'C',
      credibility: 3,
      distribution: 'units',
      units: ['bp_huu_nghi'],
      tlp: 'green',
      observed_from: '2026-11-27T17:00:00Z',
      observed_to: null,
      text: 'x',
      place: 'trails:LS-T01',
      geometry: {
        type: 'LineString',
        coordinates: [
          [105, 10.5],
          [105.1, 10.5],
        ],
      },
    } as unknown as Report;
    const v = reportToForm(r);
    expect(v.mode).toBe('place');
    expect(v.place).toBe('trails:LS-T01');
    expect(v.observedFrom).toBe('2026-11-28');
    expect(v.observedTo).toBe('');
    expect(v.category).toBe('');
  });
});
