// The README's performance claims are the ones bench/readme-claims.ts makes from the committed bench/RESULTS.md.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claims, END, START } from "../../bench/readme-claims.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe("README performance claims", () => {
  it("are what npm run docs:bench makes from bench/RESULTS.md", () => {
    const readme = read("../../README.md");
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(squash(block), "run npm run docs:bench").toBe(squash(claims(read("../../bench/RESULTS.md"))));
  });

  it("the README makes no other performance claim in figures", () => {
    const readme = read("../../README.md");
    const outside = readme.slice(0, readme.indexOf(START)) + readme.slice(readme.indexOf(END));
    expect(outside).not.toMatch(/\d(\.\d+)?× (faster|slower)|\d+ ?(MB|GB)\/s|in under \d+ ?MB/);
  });
});
