/** The named units an account may belong to, as the users page offers and shows them. */
import type { UnitChoice, UserAgency } from '$lib/api';

/**
 * The units of `agency`, by province then name as the server listed them.
 * @example unitsOf(units, 'customs').every((u) => u.agency === 'customs') // true
 */
export function unitsOf(units: readonly UnitChoice[], agency: UserAgency): UnitChoice[] {
  return units.filter((u) => u.agency === agency);
}

/**
 * The unit's name in the page's language.
 * @example unitName({ name_vi: 'Đồn Biên phòng Tân Thanh', name_en: 'Tan Thanh Border Guard Station' } as UnitChoice, 'en') // 'Tan Thanh Border Guard Station'
 */
export function unitName(unit: UnitChoice, locale: string): string {
  return locale === 'vi' ? unit.name_vi : unit.name_en;
}

/**
 * The name of unit `id` among `units`, or the id itself when the list does not hold it.
 * @example unitLabel([], 'bp_tan_thanh', 'vi') // 'bp_tan_thanh'
 */
export function unitLabel(units: readonly UnitChoice[], id: string, locale: string): string {
  const unit = units.find((u) => u.id === id);
  return unit ? unitName(unit, locale) : id;
}
