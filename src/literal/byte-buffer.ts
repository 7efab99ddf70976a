// A growable byte buffer: the storage under both of our writers (protobuf Literals and msgpack records).

export class ByteBuffer {
  buf: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(initialSize: number) {
    this.buf = new Uint8Array(initialSize);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes room for `n` more bytes, doubling so that appends stay amortised O(1). */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
