/**
 * Where a popup opens: beside the feature on a wide screen (a maplibre Popup), as a sheet along
 * the bottom of the screen on a phone, with a ring marking the picked place and the map moved
 * so the sheet does not hide it.
 */
import { mount, unmount } from 'svelte';
import type { LngLatLike, Map as MapLibreMap, Marker, Popup } from 'maplibre-gl';
import FeaturePopup from '$lib/components/FeaturePopup.svelte';
import PopupSheet from '$lib/components/popup/PopupSheet.svelte';
import type { PickEntry } from './pick';

/** Screens this narrow get the bottom sheet: a 320 px popup would cover most of the map. */
export const SHEET_MEDIA = '(max-width: 640px)';

export interface OpenedPopup {
  close(): void;
}

interface Classes {
  Popup: typeof Popup;
  Marker: typeof Marker;
}

/** Keeps a popup beside its feature within the map's own height. */
function popupMaxHeight(map: MapLibreMap): string {
  return `${Math.max(160, Math.min(360, map.getContainer().clientHeight - 200))}px`;
}

export function openFeaturePopup(
  map: MapLibreMap,
  classes: Classes,
  at: LngLatLike,
  entries: PickEntry[],
  onclosed: () => void,
): OpenedPopup {
  let closed = false;
  if (window.matchMedia(SHEET_MEDIA).matches) {
    const ring = document.createElement('div');
    ring.className = 'brm-pick-ring';
    ring.style.cssText =
      'width:22px;height:22px;border-radius:50%;border:3px solid #1f5d8c;' +
      'box-shadow:0 0 0 2px #fff;pointer-events:none';
    const marker = new classes.Marker({ element: ring }).setLngLat(at).addTo(map);
    const target = document.body;
    const close = () => {
      if (closed) return;
      closed = true;
      marker.remove();
      void unmount(sheet);
      onclosed();
    };
    const sheet = mount(PopupSheet, { target, props: { entries, onclose: close } });
    requestAnimationFrame(() => keepAboveSheet(map, at));
    return { close };
  }

  const content = document.createElement('div');
  content.style.setProperty('--stack-max-height', popupMaxHeight(map));
  let popup: Popup | null = null;
  const component = mount(FeaturePopup, {
    target: content,
    props: { entries, onclose: () => popup?.remove() },
  });
  popup = new classes.Popup({
    closeButton: false,
    maxWidth: '340px',
    offset: 10,
    className: 'brm-popup',
  })
    .setLngLat(at)
    .setDOMContent(content)
    .addTo(map);
  popup.on('close', () => {
    if (closed) return;
    closed = true;
    void unmount(component);
    onclosed();
  });
  return { close: () => popup?.remove() };
}

/** Pans the map so the picked place sits above the sheet that now covers the screen's bottom. */
function keepAboveSheet(map: MapLibreMap, at: LngLatLike): void {
  const sheet = document.querySelector('.brm-sheet');
  if (!sheet) return;
  const canvas = map.getContainer().getBoundingClientRect();
  const point = map.project(at);
  const screenY = canvas.top + point.y;
  const limit = sheet.getBoundingClientRect().top - 24;
  if (screenY <= limit || limit - canvas.top < 60) return;
  const middle = canvas.top + (limit - canvas.top) / 2;
  map.panBy([0, screenY - middle], { duration: 300 });
}
