// Hostile msgpack: bytes Python's msgpack (1.x, as flytekit calls it: raw=False, strict_map_key=False) refuses are
// refused here too with a decode_failed, and keys it keeps apart are never silently merged into one JS property.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/index.js";
import { decodeMsgpack } from "../../src/msgpack/msgpack-reader.js";
import { rejection } from "../support/helpers.js";

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
/** A str8 head for `bytes` (or fixstr when short), then the bytes. */
const str = (bytes: readonly number[]) =>
  bytes.length < 32 ? [0xa0 | bytes.length, ...bytes] : [0xd9, bytes.length, ...bytes];
const decode = (...bytes: number[]) => decodeMsgpack(Uint8Array.from(bytes));
const refusal = (...bytes: number[]) => rejection(() => decode(...bytes));

describe("msgpack strings must be valid UTF-8, as Python's msgpack requires", () => {
  // Each of these makes Python raise UnicodeDecodeError.
  const invalid: Record<string, number[]> = {
    "a stray continuation byte": [0x61, 0x80, 0x62],
    "a byte that never starts UTF-8": [0xff, 0xfe],
    "an overlong encoding of NUL": [0xc0, 0x80],
    "an encoded surrogate": [0xed, 0xa0, 0x80],
    "a sequence cut short at the end": [0x61, 0xe2, 0x82],
    "a code point past U+10FFFF": [0xf4, 0x90, 0x80, 0x80],
  };
  for (const [what, bytes] of Object.entries(invalid)) {
    it(`refuses ${what} in a short string, a long string and a map key, at the string's offset`, async () => {
      const short = await refusal(...str(bytes));
      expect(short.code).toBe(ErrorCode.decodeFailed);
      expect(short.message).toBe("invalid msgpack: a string at byte 0 is not valid UTF-8");
      // Over 200 bytes @msgpack/msgpack decodes with TextDecoder (which would put U+FFFD in), below with its own loop.
      const long = await refusal(0x91, 0xda, 0x01, 0x2c, ...new Array(300 - bytes.length).fill(0x78), ...bytes);
      expect(long.message).toBe("invalid msgpack: a string at byte 1 is not valid UTF-8");
      const key = await refusal(0x82, 0xa1, 0x61, 0x01, ...str(bytes), 0x02);
      expect(key.code).toBe(ErrorCode.decodeFailed);
      expect(key.message).toBe("invalid msgpack: a map key at byte 4 is not valid UTF-8");
    });
  }
  it("still reads every valid encoding: ASCII, 2-, 3- and 4-byte sequences, as values and keys", () => {
    const text = "aé€𝄞\u0000\uffff";
    expect(decode(...str(utf8(text)))).toBe(text);
    expect(decode(0x81, ...str(utf8(text)), 0x01)).toEqual({ [text]: 1 });
    const long = "é".repeat(200);
    expect(decode(0xda, 0x01, 0x90, ...utf8(long))).toBe(long);
  });
  it("accepts exactly the strings a strict UTF-8 decoder accepts, at any length and alignment", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    // Text made of runs of ASCII, runs of any text, and sequences at the edges of what is valid (each of the first
    // row is refused, each of the second accepted), so most inputs are valid but for one spot.
    const edge = fc.constantFrom(
      ...[
        [0x80],
        [0xbf],
        [0xff],
        [0xc0, 0x80],
        [0xc1, 0xbf],
        [0xc2],
        [0xe2, 0x82],
        [0xe0, 0x9f, 0xbf],
        [0xed, 0xa0, 0x80],
      ],
      ...[
        [0xed, 0xbf, 0xbf],
        [0xf0, 0x8f, 0xbf, 0xbf],
        [0xf4, 0x90, 0x80, 0x80],
        [0xf5, 0x80, 0x80, 0x80],
        [0xf0, 0x90],
      ],
      ...[
        [0xc2, 0x80],
        [0xdf, 0xbf],
        [0xe0, 0xa0, 0x80],
        [0xed, 0x9f, 0xbf],
        [0xee, 0x80, 0x80],
        [0xef, 0xbf, 0xbf],
      ],
      ...[
        [0xf0, 0x90, 0x80, 0x80],
        [0xf4, 0x8f, 0xbf, 0xbf],
        [0xf3, 0xbf, 0xbf, 0xbf],
      ],
    );
    const segment = fc.oneof(
      { arbitrary: fc.string({ unit: fc.constantFrom("a", "b", " "), maxLength: 40 }).map(utf8), weight: 4 },
      { arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }).map(utf8), weight: 1 },
      { arbitrary: edge, weight: 1 },
    );
    const text = fc.array(segment, { maxLength: 10 }).map((parts) => parts.flat());
    fc.assert(
      fc.property(text, fc.nat(7), (bytes, shift) => {
        // A str16 inside an array after `shift` nils, in a buffer that itself starts at an odd offset.
        const nils = new Array(shift).fill(0xc0);
        const body = [0x90 | (shift + 1), ...nils, 0xda, bytes.length >> 8, bytes.length & 0xff, ...bytes];
        const input = Uint8Array.from([0, ...body]).subarray(1);
        let expected: string | undefined;
        try {
          expected = strict.decode(Uint8Array.from(bytes));
        } catch {
          expected = undefined;
        }
        let got: unknown;
        try {
          got = (decodeMsgpack(input) as unknown[])[shift];
        } catch {
          got = undefined;
        }
        expect(got).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
  it("leaves bin payloads alone: they are bytes, not text", () => {
    expect(decode(0xc4, 0x02, 0xff, 0xfe)).toEqual(Uint8Array.of(0xff, 0xfe));
  });
});

describe("msgpack timestamps (extension -1)", () => {
  const seconds = 1_700_000_000;
  /** timestamp 64: nanoseconds in the top 30 bits, seconds in the low 34. */
  const ts64 = (nanos: number) => {
    const v = (BigInt(nanos) << 34n) | BigInt(seconds);
    return [0xd7, 0xff, ...Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(56 - 8 * i)) & 0xffn))];
  };
  /** timestamp 96: 32-bit nanoseconds, then 64-bit signed seconds. */
  const ts96 = (nanos: number) => [
    0xc7,
    12,
    0xff,
    ...[24, 16, 8, 0].map((s) => (nanos >>> s) & 0xff),
    ...[0, 0, 0, 0],
    ...[24, 16, 8, 0].map((s) => (seconds >>> s) & 0xff),
  ];

  it("read as Dates when the nanoseconds are below one second", () => {
    expect(decode(...ts64(999_000_000))).toEqual(new Date(seconds * 1000 + 999));
    expect(decode(...ts96(5_000_000))).toEqual(new Date(seconds * 1000 + 5));
  });
  it("are refused when the nanoseconds reach one second, instead of spilling into the seconds", async () => {
    // Python: ValueError("nanoseconds must be a non-negative integer not greater than 999999999.")
    for (const [bytes, at] of [
      [ts64(1_000_000_000), 0],
      [ts64(2 ** 30 - 1), 0],
      [ts96(1_000_000_000), 0],
      [[0x91, ...ts96(0xffffffff)], 1],
    ] as const) {
      const e = await refusal(...bytes);
      expect(e.code).toBe(ErrorCode.decodeFailed);
      expect(e.message).toMatch(new RegExp(`^invalid msgpack: the timestamp at byte ${at} has \\d+ nanoseconds`));
    }
  });
});

describe("msgpack map keys", () => {
  it("a key repeated in one map: the last value wins, as in a Python dict", () => {
    expect(decode(0x82, 0xa1, 0x61, 0x01, 0xa1, 0x61, 0x02)).toEqual({ a: 2 });
    // 1 and 1 (as uint8), or 1 and 1.0, are one key in Python as well.
    expect(decode(0x82, 0x01, 0xa1, 0x78, 0xcc, 0x01, 0xa1, 0x79)).toEqual({ 1: "y" });
    expect(decode(0x82, 0x01, 0xa1, 0x78, 0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0xa1, 0x79)).toEqual({ 1: "y" });
  });
  it("text keys beside integer keys keep every character, astral ones included", () => {
    // U+10000 is "\ud800\udc00" in a JS string: it must not be taken for a marked number key.
    for (const text of ["\u{10000}", "\u{103ff}x", "\udbff\udfff".normalize()]) {
      expect(decode(0x82, 0x01, 0xc0, ...str(utf8(text)), 0xc3)).toEqual({ 1: null, [text]: true });
    }
  });
  it("integer keys alone read as their decimal text", () => {
    expect(decode(0x82, 0x01, 0xa1, 0x78, 0xcf, 0, 0, 0, 0x01, 0, 0, 0, 0, 0xa1, 0x79)).toEqual({
      1: "x",
      4294967296: "y",
    });
  });
  it("the integer 1 and the string '1' in one map are refused, naming the key and the map", async () => {
    // Python keeps {1: 'x', '1': 'y'} as two entries; one JS object cannot.
    const top = await refusal(0x82, 0x01, 0xa1, 0x78, 0xa1, 0x31, 0xa1, 0x79);
    expect(top.code).toBe(ErrorCode.decodeFailed);
    expect(top.message).toBe(
      'invalid msgpack: the map at the top level has both the number 1 and the string "1" as keys; a JS object cannot keep them apart',
    );
    // Nested, string first, the integer as uint64: the path says which map.
    const nested = await refusal(
      0x92,
      0xc0,
      0x81,
      0xa1,
      0x6d,
      0x82,
      0xa1,
      0x37,
      0xc3,
      0xcf,
      ...[0, 0, 0, 0, 0, 0, 0, 7],
      0xc2,
    );
    expect(nested.message).toContain('the map at [1].m has both the number 7 and the string "7"');
    expect(nested.path).toBe("[1].m");
    // A float key and its text collide as well.
    const float = await refusal(0x82, 0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x01, 0xa3, 0x31, 0x2e, 0x35, 0x02);
    expect(float.message).toContain('the number 1.5 and the string "1.5"');
  });
  it("keys Python keeps apart (two NaNs) are refused too", async () => {
    const nan = [0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0];
    expect((await refusal(0x82, ...nan, 0x01, ...nan, 0x02)).code).toBe(ErrorCode.decodeFailed);
  });
  it("__proto__ keys still read as data beside integer keys", () => {
    const v = decode(0x82, ...str(utf8("__proto__")), 0x01, 0x02, 0x03) as Record<string, number>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["2", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(v, "__proto__")?.value).toBe(1);
  });
});
