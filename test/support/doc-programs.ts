// The README's TypeScript blocks as programs to type-check and run (test/docs/readme-code.test.ts).
//
// - A block that makes its own `engine` (`const engine = …`) starts a new program; every other block continues the
//   program before it, as a reader reads them. Imports are gathered at the top of the program.
// - A block fenced as "```ts fails" must throw: the comment lines under its `// FlyteTypeError: …` line are the
//   message, and each must appear in what it throws.

export interface Block {
  /** The line of the opening fence, 1-based. */
  readonly line: number;
  readonly fails: boolean;
  readonly code: string;
}

export interface Program {
  readonly line: number;
  readonly blocks: readonly Block[];
}

export function tsBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^```ts(?:\s+(\S+))?\s*$/.exec(lines[i] as string);
    if (m === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i] as string);
    out.push({ line: start + 1, fails: m[1] === "fails", code: body.join("\n") });
  }
  return out;
}

export function programsOf(blocks: readonly Block[]): Program[] {
  const out: { line: number; blocks: Block[] }[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last === undefined || /^const engine\b/m.test(b.code)) out.push({ line: b.line, blocks: [b] });
    else last.blocks.push(b);
  }
  return out;
}

/** The messages a failing block says it throws: the comment lines after its `// FlyteTypeError` line. */
export function expectedFailure(code: string): string[] {
  const lines = code.split("\n");
  const at = lines.findIndex((l) => l.trim().startsWith("// FlyteTypeError"));
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^\s*\/\/\s+(.*)$/.exec(l);
    if (m === null) break;
    out.push((m[1] as string).trim());
  }
  return out;
}

const IMPORT = /^import\s+(type\s+)?(?:\{([^}]*)\}|(\*\s+as\s+\w+))\s+from\s+"([^"]+)";\s*$/;

/** One program's source: the imports of all its blocks merged, then each block in order. */
export function programSource(p: Program): string {
  const named = new Map<string, Set<string>>();
  const other = new Set<string>();
  const bodies: string[] = [];
  for (const b of p.blocks) {
    const body: string[] = [];
    for (const line of b.code.split("\n")) {
      const m = IMPORT.exec(line);
      if (m === null) {
        body.push(line);
        continue;
      }
      const typeOnly = m[1];
      const names = m[2];
      const star = m[3];
      const from = m[4] as string;
      if (star !== undefined) other.add(line);
      else {
        const set = named.get(from) ?? new Set<string>();
        for (const n of (names ?? "")
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)) {
          set.add(typeOnly !== undefined && !n.startsWith("type ") ? `type ${n}` : n);
        }
        named.set(from, set);
      }
    }
    const text = body.join("\n");
    // A block meant to fail shows a wrong value, which the compiler refuses too: it is checked when run.
    const unchecked = body.map((l) => (l.trim() === "" || l.trim().startsWith("//") ? l : `// @ts-ignore\n${l}`));
    bodies.push(
      b.fails
        ? `// README.md line ${b.line} (must fail)\nawait __mustFail(${b.line}, ${JSON.stringify(expectedFailure(text))}, async () => {\n${unchecked.join("\n")}\n});`
        : `// README.md line ${b.line}\n${text}`,
    );
  }
  const imports = [
    ...[...named].map(([from, names]) => `import { ${[...names].join(", ")} } from "${from}";`),
    ...other,
  ];
  const mustFail = `async function __mustFail(line: number, expected: string[], run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const missing = expected.filter((x) => !text.includes(x));
    if (missing.length > 0) throw new Error(\`README.md line \${line}: the error says \${JSON.stringify(text)}, not \${JSON.stringify(missing)}\`);
    return;
  }
  throw new Error(\`README.md line \${line}: the block is marked to fail, but it did not\`);
}`;
  return `${imports.join("\n")}\n\n${mustFail}\n\n${bodies.join("\n\n")}\n\nexport {};\n`;
}
