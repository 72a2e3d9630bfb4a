/**
 * The side panel's state, shared by the page and its sections through context: sections open
 * on a wide screen (remembered in localStorage), and the section shown in the phone's bottom
 * sheet (not remembered: the map comes first when the page opens).
 */
import { getContext, setContext } from 'svelte';
import {
  PANEL_STORAGE_KEY,
  nextSheet,
  parseOpenSections,
  serialiseOpenSections,
  type OpenSections,
  type PanelSectionId,
} from './panel-layout';

export class PanelState {
  open = $state<OpenSections>(parseOpenSections(null));
  sheet = $state<PanelSectionId | null>(null);

  /** Loads the stored preference; call once in the browser. */
  restore(storage: Pick<Storage, 'getItem'> | undefined): void {
    try {
      this.open = parseOpenSections(storage?.getItem(PANEL_STORAGE_KEY));
    } catch {
      // Storage refused (privacy mode): keep the defaults.
    }
  }

  toggle(id: PanelSectionId, storage?: Pick<Storage, 'setItem'>): void {
    this.open[id] = !this.open[id];
    try {
      storage?.setItem(PANEL_STORAGE_KEY, serialiseOpenSections(this.open));
    } catch {
      // Not remembered, still toggled.
    }
  }

  tapTab(id: PanelSectionId): void {
    this.sheet = nextSheet(this.sheet, id);
  }

  closeSheet(): void {
    this.sheet = null;
  }
}

const KEY = Symbol('brm-panel-state');

export function setPanelState(state: PanelState): PanelState {
  setContext(KEY, state);
  return state;
}

export function getPanelState(): PanelState {
  const state = getContext<PanelState | undefined>(KEY);
  if (!state) throw new Error('getPanelState() outside the Map page');
  return state;
}
