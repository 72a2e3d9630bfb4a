import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPEN,
  PANEL_SECTIONS,
  PANEL_STORAGE_KEY,
  nextSheet,
  parseOpenSections,
  serialiseOpenSections,
} from '../../src/lib/components/panel-layout';
import { PanelState } from '../../src/lib/components/panel-state.svelte';

describe('panel sections', () => {
  it('put the layer switches and legend first, all open by default', () => {
    expect(PANEL_SECTIONS[0]).toBe('layers');
    expect(PANEL_SECTIONS[1]).toBe('hotspots');
    expect(DEFAULT_OPEN).toEqual({ layers: true, hotspots: true, filters: true, stats: true });
  });
  it('restore what was stored, section by section', () => {
    expect(parseOpenSections('{"stats":false}')).toEqual({
      layers: true,
      hotspots: true,
      filters: true,
      stats: false,
    });
    expect(parseOpenSections('{"layers":false,"filters":false}')).toEqual({
      layers: false,
      hotspots: true,
      filters: false,
      stats: true,
    });
  });
  it('fall back to the defaults for anything missing, unknown or malformed', () => {
    for (const raw of [null, undefined, '', 'not json', '[false]', '42', 'null']) {
      expect(parseOpenSections(raw), String(raw)).toEqual(DEFAULT_OPEN);
    }
    expect(parseOpenSections('{"stats":"no","layers":0,"charts":false}')).toEqual(DEFAULT_OPEN);
  });
  it('store only what differs from the defaults, and read it back', () => {
    expect(serialiseOpenSections(DEFAULT_OPEN)).toBe('{}');
    const open = { layers: true, hotspots: true, filters: false, stats: false };
    expect(serialiseOpenSections(open)).toBe('{"filters":false,"stats":false}');
    expect(parseOpenSections(serialiseOpenSections(open))).toEqual(open);
  });
});

describe('the phone sheet', () => {
  it('opens the tapped section, switches between sections, and closes on a second tap', () => {
    expect(nextSheet(null, 'filters')).toBe('filters');
    expect(nextSheet('filters', 'stats')).toBe('stats');
    expect(nextSheet('stats', 'stats')).toBeNull();
  });
});

describe('PanelState', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
  };
  it('remembers a closed section and restores it in a new page', () => {
    const storage = memory();
    const panel = new PanelState();
    panel.toggle('stats', storage);
    expect(panel.open.stats).toBe(false);
    expect(storage.items.get(PANEL_STORAGE_KEY)).toBe('{"stats":false}');
    const next = new PanelState();
    next.restore(storage);
    expect(next.open).toEqual({ layers: true, hotspots: true, filters: true, stats: false });
  });
  it('still toggles when the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const panel = new PanelState();
    panel.restore(refusing);
    panel.toggle('layers', refusing);
    expect(panel.open.layers).toBe(false);
  });
  it('keeps the sheet closed until a tab is tapped', () => {
    const panel = new PanelState();
    expect(panel.sheet).toBeNull();
    panel.tapTab('layers');
    expect(panel.sheet).toBe('layers');
    panel.closeSheet();
    expect(panel.sheet).toBeNull();
  });
});
