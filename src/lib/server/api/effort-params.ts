import type { Province } from '../../domain';
import { DEFAULT_CELL_M, hotspotError } from '../services/hotspot-query';
import { metres } from './hotspot-params';
import * as p from './params';
import { SEIZURE_FILTER_PARAMS, seizureFilter, type SeizureFilter } from './seizure-filter';

/**
 * GET /api/effort: the seizure filters (province required; category and agency select the
 * seizures counted, not the patrols), the cell size and a plan.
 */
export const EFFORT_PARAMS = [...SEIZURE_FILTER_PARAMS, 'cell', 'plan'];

export interface EffortQuery {
  filter: SeizureFilter & { province: Province };
  cellM: number;
  /** The plan whose routes give the planned effort (and become the rate's basis). */
  plan?: number;
}

/**
 * Reads the effort query; a 400 naming the parameter otherwise.
 * @example effortQuery({ province: 'an_giang', plan: '3' }) // { cellM: 1000, plan: 3, ... }
 */
export function effortQuery(q: p.Query): EffortQuery {
  if (q.province === undefined || q.province === '')
    throw hotspotError(
      'province_required',
      'province: required, the study area is one province (an_giang or lang_son)',
      { parameter: 'province' },
    );
  const filter = seizureFilter(q);
  const plan = p.integer('plan', q.plan, 1, p.INT4_MAX, 0);
  return {
    filter: { ...filter, province: filter.province! },
    cellM: metres('cell', q.cell, DEFAULT_CELL_M, 'cell_not_positive'),
    plan: plan || undefined,
  };
}
