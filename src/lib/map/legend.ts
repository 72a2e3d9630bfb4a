/**
 * The legend: what each row of the layer panel draws and counts, built from the colours, shapes
 * and sizes in styles.ts, so it always explains exactly what the map draws.
 */
import { AGENCIES, GATE_KINDS, type LayerId } from '$lib/domain';
import type { MessageKey } from '$lib/i18n/messages';
import { FAMILY_STYLES, GOODS_FAMILIES, categoriesOf } from './goods-families';
import type { Shape } from './shapes';
import { AGENCY_COLOURS, COLOURS, GATE_STYLES, type ColourMode } from './styles';
import { REPORT_KINDS } from '$lib/information';
import { KIND_COLOURS } from './report-styles';

/** How a legend row draws its sample: `mark` a bare seizure shape, `badge` a gate's plate. */
export type Swatch =
  | { type: 'fill'; fill: string; stroke: string }
  | { type: 'line'; colour: string; width: number; dash?: readonly number[]; casing?: string }
  | { type: 'mark'; shape: Shape; colour: string; sizePx: number; opacity?: number }
  | { type: 'badge'; shape: Shape; colour: string; sizePx: number };

export interface LegendEntry {
  /** Message key of the row's label. */
  label: MessageKey;
  swatch: Swatch;
  /** The features this row stands for, to count them: property equal to the value or one of the values (or, with `not`, to none). */
  match?: { property: string; value: string | readonly string[]; not?: boolean };
}

/** Rows under one heading (none for a layer with a single group). */
export interface LegendGroup {
  title?: MessageKey;
  entries: LegendEntry[];
}

/** The grey of the size rows: size, not colour, is what they explain. */
export const NEUTRAL_MARK = '#5d6b79';
const LEGEND_MARK_PX = 11;

/** The main swatch of each layer, shown beside its name in the layer panel. */
export const LAYER_SWATCH: Record<LayerId, Swatch> = {
  provinces: { type: 'fill', fill: COLOURS.land, stroke: COLOURS.provinceOutline },
  frontier: {
    type: 'line',
    colour: COLOURS.frontier,
    width: 3,
    dash: [3, 1.2, 0.6, 1.2],
    casing: COLOURS.frontierCasing,
  },
  border_gates: { type: 'badge', ...GATE_STYLES.international, sizePx: 14 },
  waterways: { type: 'line', colour: COLOURS.river, width: 3 },
  trails: { type: 'line', colour: COLOURS.trail, width: 2, dash: [2, 1.5] },
  seizures: { type: 'mark', shape: 'circle', colour: AGENCY_COLOURS.joint, sizePx: 10 },
  patrol_routes: { type: 'line', colour: COLOURS.patrol, width: 3.5 },
  reports: { type: 'mark', shape: 'circle', colour: KIND_COLOURS.boat, sizePx: 10 },
};

/** Goods families by colour: the points are circles, so colour alone tells the family. */
function familyEntries(): LegendEntry[] {
  return GOODS_FAMILIES.map((f) => ({
    label: `family.${f}` as MessageKey,
    swatch: {
      type: 'mark',
      shape: 'circle',
      colour: FAMILY_STYLES[f].colour,
      sizePx: LEGEND_MARK_PX,
    },
    match: { property: 'category', value: categoriesOf(f) },
  }));
}

/** The legend of a layer, in groups; seizures depend on the colouring chosen. */
export function legendGroups(layer: LayerId, colourMode: ColourMode): LegendGroup[] {
  switch (layer) {
    case 'border_gates':
      return [
        {
          entries: GATE_KINDS.map((kind) => ({
            label: `gateKind.${kind}` as MessageKey,
            swatch: { type: 'badge', ...GATE_STYLES[kind] },
            match: { property: 'kind', value: kind },
          })),
        },
      ];
    case 'waterways':
      return [
        {
          entries: [
            {
              label: 'legend.river',
              swatch: { type: 'line', colour: COLOURS.river, width: 3.5 },
              match: { property: 'kind', value: 'river' },
            },
            {
              label: 'legend.canal',
              swatch: { type: 'line', colour: COLOURS.canal, width: 2 },
              match: { property: 'kind', value: 'canal' },
            },
          ],
        },
      ];
    case 'trails':
      return [
        {
          entries: [
            {
              label: 'legend.trail',
              swatch: { type: 'line', colour: COLOURS.trail, width: 2, dash: [2, 1.5] },
              match: { property: 'kind', value: 'specialised_road', not: true },
            },
            {
              label: 'legend.specialised_road',
              swatch: { type: 'line', colour: COLOURS.specialisedRoad, width: 2.5 },
              match: { property: 'kind', value: 'specialised_road' },
            },
          ],
        },
      ];
    case 'seizures':
      if (colourMode === 'category') {
        return [{ entries: familyEntries() }];
      }
      return [
        {
          entries: AGENCIES.map((a) => ({
            label: `agency.${a}` as MessageKey,
            swatch: { type: 'mark', shape: 'circle', colour: AGENCY_COLOURS[a], sizePx: 10 },
            match: { property: 'lead_agency', value: a },
          })),
        },
      ];
    case 'reports':
      return [
        {
          entries: REPORT_KINDS.map((kind) => ({
            label: `infomap.kind.${kind}` as MessageKey,
            swatch: { type: 'mark', shape: 'circle', colour: KIND_COLOURS[kind], sizePx: 11 },
            match: { property: 'kind', value: kind },
          })),
        },
      ];
    default:
      return [];
  }
}
