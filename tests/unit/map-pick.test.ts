import { describe, expect, it } from 'vitest';
import type { LayerId } from '../../src/lib/domain';
import {
  LINE_TOLERANCE_PX,
  STACK_PX,
  hitDistance,
  pickEntries,
  type PickHit,
} from '../../src/lib/map/pick';

const RANK: Record<string, number> = { border_gates: 0, seizures: 1, trails: 4, frontier: 7 };
const pointer = { x: 100, y: 100 };

function point(layer: LayerId, id: number, dx: number, dy: number, props = {}): PickHit {
  return {
    layer,
    rank: RANK[layer],
    key: `${layer}/${id}`,
    properties: { id, ...props },
    shape: { point: { x: 100 + dx, y: 100 + dy }, lngLat: [105 + dx / 1000, 10 + dy / 1000] },
  };
}

function line(layer: LayerId, id: number, offsetPx: number): PickHit {
  // A horizontal line `offsetPx` below the pointer.
  const y = 100 + offsetPx;
  return {
    layer,
    rank: RANK[layer],
    key: `${layer}/${id}`,
    properties: { id },
    shape: {
      lines: [
        [
          { x: 0, y },
          { x: 300, y },
        ],
      ],
    },
  };
}

const ids = (entries: ReturnType<typeof pickEntries>) =>
  entries.map((e) => e.features.map((f) => f.key).join('+'));

describe('hitDistance', () => {
  it('measures to a point centre and to the nearest segment of a line', () => {
    expect(hitDistance(point('border_gates', 1, 3, 4), pointer)).toBe(5);
    expect(hitDistance(line('frontier', 1, 2.5), pointer)).toBe(2.5);
    // Past the end of a segment, the distance is to its end point.
    const short: PickHit = {
      ...line('trails', 1, 0),
      shape: {
        lines: [
          [
            { x: 0, y: 100 },
            { x: 97, y: 96 },
          ],
        ],
      },
    };
    expect(hitDistance(short, pointer)).toBe(5);
  });
});

describe('pickEntries', () => {
  it('puts the seizure under the pointer before the gate beside it', () => {
    // The defect: a gate listed first because gates ranked first, though the click was on a seizure.
    const entries = pickEntries(
      [point('border_gates', 1, 5, 0), point('seizures', 7, 1, 0)],
      pointer,
    );
    expect(ids(entries)).toEqual(['seizures/7', 'border_gates/1']);
  });

  it('opens a gate first when the click is nearer the gate', () => {
    const entries = pickEntries(
      [point('seizures', 7, 4, 0), point('border_gates', 1, 1, 1)],
      pointer,
    );
    expect(ids(entries)).toEqual(['border_gates/1', 'seizures/7']);
  });

  it('folds seizures piled on one spot into one entry, the nearest member first', () => {
    const pile = [
      point('seizures', 1, 3, 0, { occurred_at: '2021-01-01T00:00:00Z' }),
      point('seizures', 2, 3, 0, { occurred_at: '2023-05-01T00:00:00Z' }),
      point('seizures', 3, 0, 1, { occurred_at: '2020-01-01T00:00:00Z' }),
      point('seizures', 4, 2 + STACK_PX, 0),
    ];
    const entries = pickEntries([point('border_gates', 9, 2, 0), ...pile], pointer);
    // Seizure 3 is nearest (1 px); 1 and 2 lie within STACK_PX of it; 4 lies beyond.
    expect(ids(entries)).toEqual([
      'seizures/3+seizures/2+seizures/1',
      'border_gates/9',
      'seizures/4',
    ]);
    expect(entries[0].features.map((f) => f.lngLat)).toEqual([
      [105, 10.001],
      [105.003, 10],
      [105.003, 10],
    ]);
  });

  it('lists a pile on one exact spot newest first', () => {
    const pile = ['2020-03-01', '2024-01-09', '2022-07-15'].map((day, i) =>
      point('seizures', i, 2, 2, { occurred_at: `${day}T03:00:00Z` }),
    );
    const [entry] = pickEntries(pile, pointer);
    expect(entry.features.map((f) => f.properties.occurred_at)).toEqual([
      '2024-01-09T03:00:00Z',
      '2022-07-15T03:00:00Z',
      '2020-03-01T03:00:00Z',
    ]);
  });

  it('leaves out lines the query box caught but the pointer is not on', () => {
    const entries = pickEntries(
      [line('frontier', 1, LINE_TOLERANCE_PX + 0.5), line('trails', 2, 1)],
      pointer,
    );
    expect(ids(entries)).toEqual(['trails/2']);
  });

  it('ranks a point on the pointer before a line under it, a far point after a near line', () => {
    expect(
      ids(pickEntries([line('frontier', 1, 0.5), point('seizures', 2, 2, 0)], pointer)),
    ).toEqual(['seizures/2', 'frontier/1']);
    expect(
      ids(pickEntries([line('frontier', 1, 0.5), point('seizures', 2, 9, 0)], pointer)),
    ).toEqual(['frontier/1', 'seizures/2']);
  });

  it('lists a feature drawn twice (two tiles, two map layers) once, at its nearest', () => {
    const far = line('trails', 5, 5);
    const near = line('trails', 5, 1);
    const entries = pickEntries([far, near], pointer);
    expect(entries).toHaveLength(1);
    expect(entries[0].distancePx).toBe(1);
    expect(entries[0].features[0].lngLat).toBeNull();
  });

  it('returns nothing for nothing', () => {
    expect(pickEntries([], pointer)).toEqual([]);
  });
});
