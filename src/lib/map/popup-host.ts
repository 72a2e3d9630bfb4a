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
  // The popup may open near an edge or grow when a row opens: move the map, not the popup, so
  // all of it stays on the screen (maplibre picks a side but does not pan).
  const element = popup.getElement();
  const resize = new ResizeObserver(() => keepInMap(map, element));
  resize.observe(element);
  popup.on('close', () => {
    if (closed) return;
    closed = true;
    resize.disconnect();
    void unmount(component);
    onclosed();
  });
  return { close: () => popup?.remove() };
}

/** Margin kept between a popup and the map's edge, in CSS pixels. */
const POPUP_MARGIN = 8;

/** Pans the map by what the popup overflows its container; the top-left wins when it cannot fit. */
function keepInMap(map: MapLibreMap, element: HTMLElement): void {
  if (!element.isConnected) return;
  const box = map.getContainer().getBoundingClientRect();
  const popup = element.getBoundingClientRect();
  const shift = (low: number, high: number, min: number, max: number) => {
    if (low < min + POPUP_MARGIN) return low - (min + POPUP_MARGIN);
    if (high > max - POPUP_MARGIN) {
      return Math.min(high - (max - POPUP_MARGIN), low - (min + POPUP_MARGIN));
    }
    return 0;
  };
  const dx = shift(popup.left, popup.right, box.left, box.right);
  const dy = shift(popup.top, popup.bottom, box.top, box.bottom);
  if (Math.abs(dx) >= 1 || Math.abs(dy) >= 1) map.panBy([dx, dy], { duration: 200 });
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
