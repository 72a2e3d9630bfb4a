import peggy from 'peggy';
import { Cql2Error, isOp, type Cql2Node } from './ast';
import { CQL2_TEXT_GRAMMAR } from './grammar';
import { isDateString, isTimestampString } from './temporal';

/** Longer filters are refused before parsing (a URL rarely carries more than 8 KB anyway). */
export const MAX_FILTER_CHARS = 64_000;
/** Deeper nesting of parentheses (or a longer run of NOTs) is refused, so stacks stay small. */
export const MAX_NESTING = 64;
/**
 * Deeper trees are refused after parsing (NOTs inside every parenthesis could reach 4000 levels,
 * more than building the SQL can take); QGIS nests one level per AND of a long filter.
 */
export const MAX_DEPTH = 256;

let parser: peggy.Parser | undefined;

/** The parser, generated from the grammar on first use (about 50 ms) and kept. */
function cql2Parser(): peggy.Parser {
  parser ??= peggy.generate(CQL2_TEXT_GRAMMAR, { grammarSource: 'cql2-text' });
  return parser;
}

/**
 * Parses a CQL2 text filter into CQL2-JSON nodes (ast.ts). Throws a Cql2Error whose
 * `position` is the 0-based character offset of the problem.
 *
 * @example parseCql2Text("category = 'fuel' AND value_vnd >= 1000000")
 *   // { op: 'and', args: [{ op: '=', args: [{ property: 'category' }, 'fuel'] },
 *   //   { op: '>=', args: [{ property: 'value_vnd' }, 1000000] }] }
 */
export function parseCql2Text(text: string): Cql2Node {
  if (text.length > MAX_FILTER_CHARS) {
    throw new Cql2Error(`The filter is longer than ${MAX_FILTER_CHARS} characters`);
  }
  checkNesting(text);
  let node: Cql2Node;
  try {
    node = cql2Parser().parse(text, {
      isDateString,
      isTimestampString,
      maxNesting: MAX_NESTING,
    }) as Cql2Node;
  } catch (e) {
    if (!isPeggyError(e)) throw e;
    const { offset, line, column } = e.location.start;
    const where = line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
    throw new Cql2Error(`Invalid CQL2 filter at ${where}: ${e.message}`, {
      position: offset,
      line,
      column,
    });
  }
  if (depth(node) > MAX_DEPTH) {
    throw new Cql2Error(`The filter nests conditions deeper than ${MAX_DEPTH} levels`);
  }
  return node;
}

/** How deep the tree goes, counted without recursion. */
function depth(root: Cql2Node): number {
  let max = 0;
  const stack: [Cql2Node, number][] = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    max = Math.max(max, d);
    const children = Array.isArray(node) ? node : isOp(node) ? node.args : [];
    for (const child of children) stack.push([child, d + 1]);
  }
  return max;
}

/** The generated parser throws its own SyntaxError class, not peggy.parser.SyntaxError. */
function isPeggyError(e: unknown): e is peggy.parser.SyntaxError {
  return e instanceof Error && e.name === 'SyntaxError' && 'location' in e && 'expected' in e;
}

/** Refuses parentheses nested deeper than MAX_NESTING, skipping quoted text. */
function checkNesting(text: string): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '(') {
      if (++depth > MAX_NESTING) {
        throw new Cql2Error(`The filter nests parentheses deeper than ${MAX_NESTING}`, {
          position: i,
        });
      }
    } else if (c === ')') {
      depth--;
    }
  }
}
