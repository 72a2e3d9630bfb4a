/**
 * The Map page's side panel: which sections exist, which are open, and how that is remembered
 * between visits (localStorage, per browser: it is a preference, not part of a shared view).
 * Pure, so the rules are tested without a browser.
 */

/** Sections in panel order: the layer switches and legend first, so they are never below the fold. */
export const PANEL_SECTIONS = ['layers', 'hotspots', 'filters', 'stats'] as const;
export type PanelSectionId = (typeof PANEL_SECTIONS)[number];

export type OpenSections = Record<PanelSectionId, boolean>;

export const DEFAULT_OPEN: OpenSections = {
  layers: true,
  hotspots: true,
  filters: true,
  stats: true,
};

export const PANEL_STORAGE_KEY = 'brm.panel.open';

/**
 * Reads what a previous visit stored; anything missing, unknown or malformed falls back to the
 * default for that section, so a stored value from another version never breaks the page.
 * @example parseOpenSections('{"stats":false}') // { layers: true, filters: true, stats: false }
 */
export function parseOpenSections(raw: string | null | undefined): OpenSections {
  const open = { ...DEFAULT_OPEN };
  if (!raw) return open;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return open;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return open;
  for (const id of PANEL_SECTIONS) {
    const value = (stored as Record<string, unknown>)[id];
    if (typeof value === 'boolean') open[id] = value;
  }
  return open;
}

/** What to store: only the sections whose state differs from the default. */
export function serialiseOpenSections(open: OpenSections): string {
  const changed = PANEL_SECTIONS.filter((id) => open[id] !== DEFAULT_OPEN[id]);
  return JSON.stringify(Object.fromEntries(changed.map((id) => [id, open[id]])));
}

/**
 * The phone's bottom sheet shows one section at a time: tapping the open one's tab closes it.
 * @example nextSheet('filters', 'filters') // null
 */
export function nextSheet(
  current: PanelSectionId | null,
  tapped: PanelSectionId,
): PanelSectionId | null {
  return current === tapped ? null : tapped;
}
