// msgpack decoding with limits: no claimed length may exceed the input, so hostile bytes fail fast.
import { Decoder } from "@msgpack/msgpack";
import { ErrorCode, fail } from "./errors.js";

export function decodeMsgpack(bytes: Uint8Array): unknown {
  const n = bytes.byteLength;
  const decoder = new Decoder({
    useBigInt64: true,
    maxStrLength: n,
    maxBinLength: n,
    maxArrayLength: n,
    maxMapLength: n,
    maxExtLength: n,
  });
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    return fail(ErrorCode.decodeFailed, `invalid msgpack: ${(cause as Error).message}`, {
      expected: "msgpack bytes",
      received: `${n} bytes`,
      cause,
    });
  }
}
