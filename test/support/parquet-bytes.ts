// Hostile Parquet bytes made from valid files: page headers (Thrift compact protocol) rewritten in place.

/** A varint at `at`: its value and its length in bytes. */
function varint(b: Uint8Array, at: number): { value: number; length: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; ; i++) {
    const x = b[at + i] as number;
    value += (x & 0x7f) * scale;
    scale *= 128;
    if (x < 0x80) return { value, length: i + 1 };
  }
}

function encodeVarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);

/**
 * A copy of `file` whose page at `offset` (a page header's first byte: byte 4 is the first column's first page)
 * claims `claimed` bytes uncompressed. The file keeps its length, so every offset in the footer still holds: the
 * page gives up as many bytes at its end as its header gains (its data is then cut short, which a reader only
 * notices after it has allocated what the header claims).
 */
export function claimPageSize(file: Uint8Array, claimed: number, offset = 4): Uint8Array {
  // PageHeader: field 1 type (i32), field 2 uncompressed_page_size (i32), field 3 compressed_page_size (i32).
  const b = file;
  if (b[offset] !== 0x15) throw new Error(`no page header at byte ${offset}`);
  const type = varint(b, offset + 1);
  const at2 = offset + 1 + type.length;
  if (b[at2] !== 0x15) throw new Error("the page header has no uncompressed size where expected");
  const oldU = varint(b, at2 + 1);
  const at3 = at2 + 1 + oldU.length;
  if (b[at3] !== 0x15) throw new Error("the page header has no compressed size where expected");
  const oldC = varint(b, at3 + 1);
  const newU = encodeVarint(zigzag(claimed));
  const grow = newU.length - oldU.length;
  const compressed = oldC.value / 2 - grow;
  const newC = encodeVarint(zigzag(compressed));
  if (newC.length !== oldC.length) throw new Error("the compressed size would change length");
  const rest = at3 + 1 + oldC.length;
  const pageEnd = rest + oldC.value / 2;
  const out = new Uint8Array(b.length);
  let k = 0;
  const put = (bytes: ArrayLike<number>) => {
    out.set(bytes, k);
    k += bytes.length;
  };
  put(b.subarray(0, at2 + 1));
  put(newU);
  put([0x15]);
  put(newC);
  put(b.subarray(rest, pageEnd - grow));
  put(b.subarray(pageEnd));
  if (k !== b.length) throw new Error("the patched file changed length");
  return out;
}
