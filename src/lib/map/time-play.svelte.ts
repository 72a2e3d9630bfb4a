/**
 * The play button of the time range: moves the map's from/to window one month at a time, at a
 * pace an officer can read, waiting for each month's hexagons before the next; stops at the
 * data's last month or when paused.
 */
import type { MapState } from './context.svelte';
import type { HotspotsState } from './hotspots-state.svelte';
import { nextWindow, playStart, previousWindow, type Window } from './time-window';

/** How long each month stays on screen once drawn, milliseconds. */
export const PLAY_PACE_MS = 1600;

export class TimePlay {
  playing = $state(false);
  /** From the first press of play until the end is reached or the player is closed: the map
   *  keeps its play controls on screen, paused or not. */
  active = $state(false);
  readonly map: MapState;
  readonly hotspots: HotspotsState;

  constructor(map: MapState, hotspots: HotspotsState) {
    this.map = map;
    this.hotspots = hotspots;
  }

  /** The window on screen, or null while the dates are open or cannot be applied. */
  get window(): Window | null {
    const m = this.map;
    return m.from && m.to && !m.filterProblem ? { from: m.from, to: m.to } : null;
  }

  /** Months a play starts with when no window is set: a trend needs at least ten steps. */
  startMonths(): number {
    return this.hotspots.mode === 'emerging' ? 12 : 1;
  }

  /** Whether there is a period to play over (the province's first and last day are known). */
  get canPlay(): boolean {
    return this.map.period !== null && this.map.province !== 'all';
  }

  start(): void {
    const period = this.map.period;
    if (!period) return;
    const current = { from: this.map.from, to: this.map.to };
    const w = playStart(
      this.map.filterProblem ? { from: '', to: '' } : current,
      period,
      this.startMonths(),
    );
    if (w.from !== this.map.from || w.to !== this.map.to) this.map.setDates(w.from, w.to);
    this.playing = true;
    this.active = true;
  }

  /** Stops and puts the map's play controls away. */
  close(): void {
    this.playing = false;
    this.active = false;
  }

  pause(): void {
    this.playing = false;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.start();
  }

  /** One month forward (+1) or back (-1); returns whether the window moved. */
  step(direction: 1 | -1): boolean {
    const period = this.map.period;
    const w = this.window;
    if (!period || !w) return false;
    const next = direction === 1 ? nextWindow(w, period[1]) : previousWindow(w, period[0]);
    if (!next) return false;
    this.map.setDates(next.from, next.to);
    return true;
  }

  /** Starts the effect that moves the window while playing; call during initialisation. */
  watch(): void {
    $effect(() => {
      if (!this.playing) return;
      // Wait for this month's hexagons; then leave them on screen for the pace.
      void this.map.from;
      void this.map.to;
      if (this.hotspots.status === 'loading') return;
      const timer = setTimeout(() => {
        if (!this.step(1)) this.close();
      }, PLAY_PACE_MS);
      return () => clearTimeout(timer);
    });
    // Leaving the province or signing out stops the play.
    $effect(() => {
      if (!this.map.enabled || this.map.province === 'all') this.close();
    });
  }
}
