// The built-in HTML renderers, one file each beside this one, listed here by the kind of value they draw (a table,
// a map, a tensor, a deck). Empty until the first renderer lands; src/ never imports this folder except through
// src/defaults.ts, as with transformers/.

/** Draws one value as a self-contained HTML fragment: no scripts or styles fetched from elsewhere. */
export interface Renderer<T = unknown> {
  /** What it draws, as the table's key. */
  readonly name: string;
  /** Whether it can draw `value`. */
  accepts(value: unknown): value is T;
  render(value: T): string;
}

export const builtinRenderers: Readonly<Record<string, Renderer>> = {};
