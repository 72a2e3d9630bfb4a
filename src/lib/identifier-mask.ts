/**
 * A suspicious object's identifier (a plate, a boat's markings) as shown to roles that may not
 * read it: enough to tell two objects apart in a list, not enough to name the person behind it.
 */

const HIDDEN = '•••';

/**
 * The identifier with its middle hidden: the first 3 and last 2 characters kept when at least
 * 4 would stay hidden (9 characters or more), else only the first character (4 to 8), else
 * nothing (3 or fewer). Characters are counted as code points, after trimming.
 *
 * @example
 * maskIdentifier('51C-123.12'); // '51C•••12'
 * maskIdentifier('AG-1234'); // 'A•••'
 * maskIdentifier('X1'); // '•••'
 */
export function maskIdentifier(identifier: string): string {
  const chars = [...identifier.trim()];
  if (chars.length >= 9) return `${chars.slice(0, 3).join('')}${HIDDEN}${chars.slice(-2).join('')}`;
  if (chars.length >= 4) return `${chars[0]}${HIDDEN}`;
  return HIDDEN;
}
