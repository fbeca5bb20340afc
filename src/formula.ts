// Column formulas declared by the table families (`realisasi_k / target_renja_k * 100`,
// `sebelum_bo + sebelum_bm + sebelum_btt + sebelum_bt`): parsed once, evaluated per row.
// Used by the rows stage (to choose between column alignments) and by the validate stage.

type Node =
  | { op: 'num'; value: number }
  | { op: 'col'; key: string }
  | { op: '+' | '-' | '*' | '/'; left: Node; right: Node };

export interface Formula {
  text: string;
  ast: Node;
  columns: string[];
  /** only + between columns: an unprinted operand counts as zero */
  additive: boolean;
}

const cache = new Map<string, Formula>();

export function parseFormula(text: string): Formula {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens = text.match(/[a-z_][a-z0-9_]*|\d+(?:\.\d+)?|[-+*/()]/gi) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  // one precedence level: operands from the next level joined left to right by these operators
  const level = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    while (ops.includes(peek())) {
      const op = tokens[pos++] as '+' | '-' | '*' | '/';
      left = { op, left, right: next() };
    }
    return left;
  };
  const term = level(['*', '/'], () => factor());
  const expr = level(['+', '-'], term);
  const factor = (): Node => {
    const t = tokens[pos++];
    if (t === '(') {
      const inner = expr();
      pos++; // ')'
      return inner;
    }
    if (t === undefined) throw new Error(`formula '${text}' ends early`);
    if (/^\d/.test(t)) return { op: 'num', value: Number(t) };
    return { op: 'col', key: t };
  };
  const ast = expr();
  if (pos !== tokens.length) throw new Error(`formula '${text}' has trailing tokens`);
  const columns = [...new Set(tokens.filter((t) => /^[a-z_]/i.test(t)))];
  const formula = { text, ast, columns, additive: !/[-*/]/.test(text) };
  cache.set(text, formula);
  return formula;
}

/**
 * Evaluate with the row's values. A missing operand makes the result null, except in a
 * sum, where an unprinted part is zero as long as one part is printed. Division by zero: null.
 */
export function evaluate(f: Formula, value: (key: string) => number | null): number | null {
  return byOwnColumns(f)(f.columns.map((key) => value(key) ?? undefined));
}

// each formula compiled once over its own columns, in the order `f.columns` lists them
const compiledByOwnColumns = new WeakMap<Formula, Compiled>();

function byOwnColumns(f: Formula): Compiled {
  let c = compiledByOwnColumns.get(f);
  if (!c) compiledByOwnColumns.set(f, (c = compileFormula(f, new Map(f.columns.map((key, i) => [key, i])))));
  return c;
}

type Compiled = (values: readonly (number | undefined)[]) => number | null;

/**
 * The formula for a row whose figures sit in an array by column position (`at`: a column's
 * position; a column it lacks is unprinted): the operands looked up once, not per call — the
 * alignment search evaluates every placement it tries. `evaluate` is this over the formula's own
 * columns.
 */
export function compileFormula(f: Formula, at: ReadonlyMap<string, number>): Compiled {
  const index = (key: string) => at.get(key) ?? -1;
  const read = (values: readonly (number | undefined)[], j: number) => (j < 0 ? null : values[j] ?? null);
  if (f.additive) {
    const operands = f.columns.map(index);
    return (values) => {
      let any = false;
      let sum = 0;
      for (const j of operands) {
        const v = read(values, j);
        if (v !== null) any = true;
        sum += v ?? 0;
      }
      return any ? sum : null;
    };
  }
  const compile = (n: Node): Compiled => {
    if (n.op === 'num') { const v = n.value; return () => v; }
    if (n.op === 'col') { const j = index(n.key); return (values) => read(values, j); }
    const [l, r, op] = [compile(n.left), compile(n.right), n.op];
    return (values) => {
      const a = l(values);
      const b = r(values);
      if (a === null || b === null) return null;
      switch (op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return b === 0 ? null : a / b;
      }
    };
  };
  return compile(f.ast);
}

/** Does a printed figure agree with the computed one? Percentages are printed rounded. */
export function agrees(printed: number, expected: number, kind: 'money' | 'percent' | string): boolean {
  if (kind === 'percent') return Math.abs(printed - expected) <= Math.max(0.6, Math.abs(expected) * 0.005);
  if (kind === 'money') return Math.abs(printed - expected) <= 1;
  return Math.abs(printed - expected) <= Math.max(0.01, Math.abs(expected) * 1e-6);
}
