/**
 * Traffic Light Protocol 2.0 colours (FIRST's standard: the label in its colour on black), one
 * place for the chip, the banner and the legend.
 */
import type { Tlp } from '$lib/information';

export const TLP_COLOURS: Record<Tlp, string> = {
  red: '#FF2B2B',
  amber: '#FFC000',
  green: '#33FF00',
  clear: '#FFFFFF',
};

/** `TLP:AMBER`: the label is not translated (it is what recipients look for). */
export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp.toUpperCase()}`;
}
