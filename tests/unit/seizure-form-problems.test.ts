import { describe, expect, it } from 'vitest';
import { emptyForm, formToInput, standingProblems } from '../../src/lib/data/seizure-form';

describe('standingProblems', () => {
  const before = emptyForm('an_giang', 'customs');
  const { problems } = formToInput(before);

  it('keeps every problem while nothing has changed', () => {
    expect(Object.keys(problems).sort()).toEqual(['category', 'date', 'place', 'transport']);
    expect(standingProblems(problems, before, { ...before })).toEqual(problems);
  });

  it("drops a field's problem once that field changes, and only that one", () => {
    const now = { ...before, category: 'fuel' as const };
    expect(Object.keys(standingProblems(problems, before, now)).sort()).toEqual([
      'date',
      'place',
      'transport',
    ]);
  });

  it('drops the place problem when either coordinate or the CRS changes', () => {
    expect(standingProblems(problems, before, { ...before, a: '105.1' }).place).toBeUndefined();
    expect(standingProblems(problems, before, { ...before, crs: 3405 }).place).toBeUndefined();
    expect(standingProblems(problems, before, { ...before, goods: 'x' }).place).toEqual(
      problems.place,
    );
  });

  it('ties a quantity problem to its unit too', () => {
    const quantity = { quantity: { key: 'form.needUnit' } };
    expect(standingProblems(quantity, before, { ...before, unit: 'kg' })).toEqual({});
  });
});
