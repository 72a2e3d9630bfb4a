import { describe, expect, it } from 'vitest';
import { CATEGORIES, GATE_KINDS, LAYER_IDS } from '../../src/lib/domain';
import { vi } from '../../src/lib/i18n/messages';
import { FAMILY_STYLES, GOODS_FAMILIES } from '../../src/lib/map/goods-families';
import { legendGroups } from '../../src/lib/map/legend';
import { AGENCY_COLOURS, GATE_STYLES } from '../../src/lib/map/styles';

describe('legend', () => {
  it('labels every row and heading with a message that exists', () => {
    for (const id of LAYER_IDS) {
      for (const mode of ['agency', 'category'] as const) {
        for (const group of legendGroups(id, mode)) {
          if (group.title) expect(group.title in vi, group.title).toBe(true);
          for (const entry of group.entries) expect(entry.label in vi, entry.label).toBe(true);
        }
      }
    }
  });
  it('explains gates by their badges, one row per kind', () => {
    const [gates] = legendGroups('border_gates', 'agency');
    expect(gates.entries.map((e) => e.match?.value)).toEqual([...GATE_KINDS]);
    expect(gates.entries[0].swatch).toEqual({ type: 'badge', ...GATE_STYLES.international });
  });
  it('explains agency colours with circles, as the points are drawn', () => {
    const groups = legendGroups('seizures', 'agency');
    expect(groups).toHaveLength(1);
    expect(groups[0].entries.map((e) => e.label)).toEqual([
      'agency.customs',
      'agency.border_guard',
      'agency.joint',
    ]);
    expect(groups[0].entries.map((e) => e.swatch)).toEqual(
      (['customs', 'border_guard', 'joint'] as const).map((a) =>
        expect.objectContaining({ type: 'mark', shape: 'circle', colour: AGENCY_COLOURS[a] }),
      ),
    );
  });
  it('explains goods colouring with six families, each counting its categories', () => {
    const groups = legendGroups('seizures', 'category');
    expect(groups).toHaveLength(1);
    const [families] = groups;
    expect(families.entries.map((e) => e.swatch)).toEqual(
      GOODS_FAMILIES.map((f) =>
        expect.objectContaining({ shape: 'circle', colour: FAMILY_STYLES[f].colour }),
      ),
    );
    const counted = families.entries.flatMap((e) => e.match!.value as string[]);
    expect(counted.sort()).toEqual([...CATEGORIES].sort());
  });
});
