/**
 * Evaluates a layer property's expression as maplibre would, with the style specification
 * package maplibre-gl itself is built on, so tests check what the map will draw.
 */
import {
  createPropertyExpression,
  latest,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';

type Kind = 'layout' | 'paint';

export function evaluateProperty(
  layerType: string,
  kind: Kind,
  property: string,
  value: unknown,
  zoom: number,
  properties: Record<string, unknown>,
): unknown {
  const specs = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[
    `${kind}_${layerType}`
  ];
  const spec = specs?.[property];
  if (!spec) throw new Error(`no such property: ${kind} ${layerType} ${property}`);
  const parsed = createPropertyExpression(value, property, spec);
  if (parsed.result !== 'success') {
    throw new Error(`${property}: ${parsed.value.map((e) => e.message).join('; ')}`);
  }
  const feature = { type: 1 as const, properties, geometry: [] };
  const result = parsed.value.evaluate({ zoom }, feature as never);
  // Colours come back as maplibre Color objects; compare them as hex.
  if (result && typeof result === 'object' && 'r' in result && 'toString' in result) {
    const c = result as { r: number; g: number; b: number; a: number };
    const hex = (n: number) =>
      Math.round((n / (c.a || 1)) * 255)
        .toString(16)
        .padStart(2, '0');
    return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
  }
  return result;
}
