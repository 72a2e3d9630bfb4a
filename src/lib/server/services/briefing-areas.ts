import { parseCellId } from '../../analysis';

/** A cell as the hot-spot service lists it. */
export interface ClassedCell {
  cell_id: string;
  count: number;
  gi_z: number;
  gi_p: number;
  class: number;
}

/** A hot-spot area: hot cells that touch, summed, with the cell that stands for it. */
export interface HotArea {
  /** The area's cell with the most seizures (ties: the higher z, then the id): where it is. */
  cell: ClassedCell;
  /** How many cells the area has. */
  cells: number;
  /** Seizures in the area's cells. */
  seizures: number;
  /** The highest class and z among its cells. */
  class: number;
  gi_z: number;
}

const NEIGHBOURS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, -1],
  [-1, 1],
] as const;

/**
 * The hot cells (class > 0) grouped into areas of cells that share an edge, strongest first:
 * highest class, then most seizures, then highest z. A commander reads "one hot spot near the
 * gate, 12 seizures" rather than ten adjacent cells of the same cluster, each with a share of it.
 * @example
 * hotAreas([{ cell_id: '1000:0:0', count: 3, gi_z: 3, gi_p: 0.003, class: 3 },
 *           { cell_id: '1000:1:0', count: 0, gi_z: 2, gi_p: 0.04, class: 2 }])
 * // [{ cell: { cell_id: '1000:0:0', ... }, cells: 2, seizures: 3, class: 3, gi_z: 3 }]
 */
export function hotAreas(cells: ReadonlyArray<ClassedCell>): HotArea[] {
  const hot = new Map<string, ClassedCell>();
  for (const c of cells) {
    const at = parseCellId(c.cell_id);
    if (c.class > 0 && at) hot.set(`${at.q}:${at.r}`, c);
  }
  const seen = new Set<string>();
  const areas: HotArea[] = [];
  for (const start of hot.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const members: ClassedCell[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop()!;
      members.push(hot.get(key)!);
      const [q, r] = key.split(':').map(Number);
      for (const [dq, dr] of NEIGHBOURS) {
        const next = `${q + dq}:${r + dr}`;
        if (hot.has(next) && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    const cell = [...members].sort(
      (a, b) => b.count - a.count || b.gi_z - a.gi_z || a.cell_id.localeCompare(b.cell_id),
    )[0];
    areas.push({
      cell,
      cells: members.length,
      seizures: members.reduce((n, m) => n + m.count, 0),
      class: Math.max(...members.map((m) => m.class)),
      gi_z: Math.max(...members.map((m) => m.gi_z)),
    });
  }
  return areas.sort(
    (a, b) =>
      b.class - a.class ||
      b.seizures - a.seizures ||
      b.gi_z - a.gi_z ||
      a.cell.cell_id.localeCompare(b.cell.cell_id),
  );
}
