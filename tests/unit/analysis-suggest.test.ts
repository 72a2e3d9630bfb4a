import { describe, expect, it } from 'vitest';
import { cutLine, cutPieces, hexCell, suggestPieces } from '../../src/lib/analysis';

describe('cutLine', () => {
  it('cuts into pieces of the given length, the rest last', () => {
    expect(
      cutLine(
        [
          [0, 0],
          [2500, 0],
        ],
        1000,
      ),
    ).toEqual([
      [
        [0, 0],
        [1000, 0],
      ],
      [
        [1000, 0],
        [2000, 0],
      ],
      [
        [2000, 0],
        [2500, 0],
      ],
    ]);
    // Across a vertex: 600 east then 800 north cut at 1000 keeps the corner.
    expect(
      cutLine(
        [
          [0, 0],
          [600, 0],
          [600, 800],
        ],
        1000,
      ),
    ).toEqual([
      [
        [0, 0],
        [600, 0],
        [600, 400],
      ],
      [
        [600, 400],
        [600, 800],
      ],
    ]);
  });
});

describe('suggestPieces', () => {
  // A row of cells 0:0 .. 5:0 (size 1000); risk 3 at 4:0, 1 at 1:0.
  const cells = [0, 1, 2, 3, 4, 5].map((q) => hexCell(q, 0, 1000));
  const risk = [0, 1, 0, 0, 3, 0];
  const pieces = cutPieces(
    [
      {
        line: [
          [900, 300],
          [1100, 300],
        ],
        kind: 'trail',
        name_vi: 'Đường mòn A',
        name_en: 'Trail A',
      },
      {
        line: [
          [3900, 300],
          [4100, 300],
        ],
        kind: 'waterway',
        name_vi: 'Kênh B',
        name_en: 'Canal B',
      },
    ],
    1000,
  );
  const crossings = [{ x: 4000, y: 200, name_vi: 'Bến C', name_en: 'Wharf C', kind: 'waterway' }];

  it('takes the piece over the hot cell when the budget buys one', () => {
    const out = suggestPieces({
      cells,
      sizeM: 1000,
      risk,
      covered: new Uint8Array(6),
      pieces,
      radiusM: 400,
      budgetM: 250,
      crossings,
    });
    expect(out.suggestions).toHaveLength(1);
    const [s] = out.suggestions;
    expect(s.piece.name_en).toBe('Canal B');
    expect(s.cells).toEqual([4]);
    expect(s.marginalPct).toBe(75);
    expect(s.cumulativePct).toBe(75);
    expect(s.crossings.map((c) => c.name_en)).toEqual(['Wharf C']);
    expect(out.usedM).toBeCloseTo(200, 9);
    expect(out.riskBeforePct).toBe(0);
    expect(out.riskAfterPct).toBe(75);
  });

  it('counts what the plan covers and adds the next best piece with a larger budget', () => {
    const out = suggestPieces({
      cells,
      sizeM: 1000,
      risk,
      covered: Uint8Array.from([0, 0, 0, 0, 1, 0]),
      pieces,
      radiusM: 400,
      budgetM: 1000,
      crossings,
      crossingsCovered: [true],
    });
    expect(out.riskBeforePct).toBe(75);
    expect(out.suggestions.map((s) => [s.piece.name_en, s.marginalPct, s.cumulativePct])).toEqual([
      ['Trail A', 25, 100],
    ]);
    expect(out.suggestions[0].crossings).toEqual([]);
  });
});
