import type { Sql } from '../db/client';
import { ApiError, invalidGeometry } from '../errors';
import { checkGeometry } from '../io/geometry-check';
import type { PlaceLayer } from '../../information';
import * as repo from '../repositories/report-places';

/**
 * Where a report is: a drawn point, line or area (checked for structure, the area of operations
 * and the vertex cap here, for validity by PostGIS, 422 when unusable), or a named gate, trail
 * or waterway whose geometry is copied in; and the province whose outline it lies in.
 */

/** Most positions in a report's geometry: a canal stretch or an area drawn by hand. */
export const MAX_REPORT_VERTICES = 2000;

/** A 400 whose details name the fields, in the shape the body validation uses. */
export function fieldError(code: string, fields: string[], message: string): ApiError {
  return new ApiError(400, code, message, {
    field: fields[0],
    problems: fields.map((field) => ({ field, message })),
  });
}

/** A drawn geometry checked (422 when unusable) and its province decided. */
export async function placeDrawn(
  sql: Sql,
  drawn: unknown,
  stated: string | null,
): Promise<{ geometry: object; province: string }> {
  // Only type and coordinates go on: a `crs` member or anything else is dropped (4326 forced).
  const geometry =
    typeof drawn === 'object' && drawn !== null && !Array.isArray(drawn)
      ? {
          type: (drawn as { type?: unknown }).type,
          coordinates: (drawn as { coordinates?: unknown }).coordinates,
        }
      : drawn;
  const problems = checkGeometry(geometry, ['Point', 'LineString', 'Polygon'], {
    maxVertices: MAX_REPORT_VERTICES,
  });
  if (problems.length) throw invalidGeometry(`Invalid geometry: ${problems[0]}`, { problems });
  const verdict = await repo.geometryVerdict(sql, geometry as object);
  if (!verdict.valid) throw invalidGeometry(`Invalid geometry: ${verdict.reason}`);
  if (stated) {
    const province = verdict.provinces.find((p) => p.id === stated);
    if (!province)
      throw fieldError('unknown_province', ['province'], `No outline of ${stated} is loaded yet.`);
    if (!province.intersects)
      throw fieldError(
        'outside_province',
        ['province', 'geometry'],
        `The geometry lies outside the ${stated} outline.`,
      );
    return { geometry: geometry as object, province: stated };
  }
  const holder =
    verdict.provinces.find((p) => p.holds) ?? verdict.provinces.find((p) => p.intersects);
  if (!holder)
    throw fieldError(
      'outside_province',
      ['province', 'geometry'],
      'The geometry lies in no province outline; give the province or correct the geometry.',
    );
  return { geometry: geometry as object, province: holder.id };
}

/** A named gate, trail or waterway: its geometry and province are copied into the report. */
export async function placeNamed(
  sql: Sql,
  place: string,
  stated: string | null,
): Promise<{ geometry: object; province: string }> {
  const colon = place.indexOf(':');
  const layer = place.slice(0, colon) as PlaceLayer;
  const feature = await repo.placeFeature(sql, layer, place.slice(colon + 1));
  if (!feature) throw fieldError('unknown_place', ['place'], `No ${layer} feature '${place}'.`);
  if (stated && stated !== feature.province)
    throw fieldError(
      'outside_province',
      ['province', 'place'],
      `${place} lies in ${feature.province}, not ${stated}.`,
    );
  return feature;
}
