/**
 * terra-draw on the planner's map: a linestring mode to draw a new route and a select mode to
 * move and add vertices (midpoints) and move whole routes. The page's routes stay the source of
 * truth; this controller mirrors them into terra-draw's store (feature id = the route's key) and
 * reports what the pointer does back through callbacks. Browser only (loaded on mount).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { PlanRoute } from './types';
import { newRouteKey } from './plan-routes';
import { ROUTE_COLOUR, SELECTED_COLOUR } from './draw-colours';

/** `static`: terra-draw ignores the pointer (while the page picks a vertex to split at). */
export type DrawMode = 'select' | 'linestring' | 'static';

export interface DrawCallbacks {
  /** The line being drawn changed (a click, or the pointer moving its last point). */
  drawing(key: string, coordinates: Position[]): void;
  /** A new line was finished (Enter, or a click on its last point). */
  finished(key: string, coordinates: Position[]): void;
  /** A route's line was edited in select mode (vertex moved, added or deleted, route moved). */
  edited(key: string, coordinates: Position[]): void;
  selected(key: string | null): void;
}

const ROUTE = ROUTE_COLOUR;
const SELECTED = SELECTED_COLOUR;

const isRoute = (f: GeoJSONStoreFeatures) =>
  f.geometry.type === 'LineString' && f.properties.mode === 'linestring';

export class DrawController {
  private draw: TerraDraw;
  /** Set while routes are written into terra-draw, so their change events are not echoed. */
  private syncing = false;

  constructor(
    map: MapLibreMap,
    private callbacks: DrawCallbacks,
  ) {
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7 }),
      // Feature ids are the page's route keys (strings), not terra-draw's UUIDs.
      idStrategy: { isValidId: (id) => typeof id === 'string', getId: () => newRouteKey() },
      modes: [
        new TerraDrawLineStringMode({
          styles: {
            lineStringColor: (f) => (f.properties.currentlyDrawing ? SELECTED : ROUTE),
            lineStringWidth: 4,
            closingPointColor: SELECTED,
          },
        }),
        new TerraDrawSelectMode({
          flags: {
            linestring: {
              feature: {
                draggable: true,
                coordinates: { midpoints: true, draggable: true, deletable: true },
              },
            },
          },
          styles: {
            selectedLineStringColor: SELECTED,
            selectedLineStringWidth: 5,
            selectionPointColor: SELECTED,
            midPointColor: '#ffffff',
            midPointOutlineColor: SELECTED,
          },
        }),
      ],
    });
    this.draw.start();
    this.draw.setMode('select');
    this.draw.on('change', (ids, type) => this.onChange(ids, type));
    this.draw.on('finish', (id, context) => {
      if (context.mode !== 'linestring' || context.action !== 'draw') return;
      const f = this.draw.getSnapshotFeature(id);
      if (f && f.geometry.type === 'LineString')
        this.callbacks.finished(String(id), f.geometry.coordinates);
    });
    this.draw.on('select', (id) => this.callbacks.selected(String(id)));
    this.draw.on('deselect', () => this.callbacks.selected(null));
  }

  private onChange(ids: (string | number)[], type: string): void {
    if (this.syncing || type !== 'update') return;
    for (const id of ids) {
      const f = this.draw.getSnapshotFeature(id);
      if (!f || !isRoute(f) || f.geometry.type !== 'LineString') continue;
      if (f.properties.currentlyDrawing) this.callbacks.drawing(String(id), f.geometry.coordinates);
      else this.callbacks.edited(String(id), f.geometry.coordinates);
    }
  }

  setMode(mode: DrawMode): void {
    if (this.draw.getMode() !== mode) this.draw.setMode(mode);
  }

  /** Replaces terra-draw's routes with the page's (after a load, split, delete or accept). */
  sync(routes: readonly PlanRoute[], selectedKey: string | null): void {
    this.syncing = true;
    try {
      const current = this.draw.getSnapshot().filter(isRoute);
      const wanted = new Map(
        routes.filter((r) => r.coordinates.length >= 2).map((r) => [r.key, r]),
      );
      const stale = current
        .filter((f) => !f.properties.currentlyDrawing)
        .filter((f) => {
          const r = wanted.get(String(f.id));
          return !r || JSON.stringify(r.coordinates) !== JSON.stringify(f.geometry.coordinates);
        })
        .map((f) => f.id as string);
      if (stale.length > 0) this.draw.removeFeatures(stale);
      const present = new Set(
        this.draw
          .getSnapshot()
          .filter(isRoute)
          .map((f) => String(f.id)),
      );
      const added = [...wanted.values()]
        .filter((r) => !present.has(r.key))
        .map((r) => ({
          id: r.key,
          type: 'Feature' as const,
          properties: { mode: 'linestring' },
          geometry: { type: 'LineString' as const, coordinates: r.coordinates },
        }));
      if (added.length > 0) this.draw.addFeatures(added);
      if (selectedKey && wanted.has(selectedKey) && this.draw.getMode() === 'select') {
        const f = this.draw.getSnapshotFeature(selectedKey);
        if (f && !f.properties.selected) this.draw.selectFeature(selectedKey);
      }
    } finally {
      this.syncing = false;
    }
  }

  /** Whether a route (or one of its handles) is under the pointer at `lngLat`. */
  routeAt(lngLat: { lng: number; lat: number }): boolean {
    return this.draw.getFeaturesAtLngLat(lngLat, { pointerDistance: 12 }).length > 0;
  }

  /** Drops a line still being drawn (Escape, or a switch of plan). */
  cancelDrawing(): void {
    const drawing = this.draw
      .getSnapshot()
      .filter((f) => isRoute(f) && f.properties.currentlyDrawing)
      .map((f) => f.id as string);
    if (drawing.length > 0) this.draw.removeFeatures(drawing);
  }

  destroy(): void {
    this.draw.stop();
  }
}
