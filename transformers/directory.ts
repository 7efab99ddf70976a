// Directories: `directory({ format })` ⇄ `blob` MULTIPART, as flytekit's FlyteDirectory and Flyte 2's Dir.
import type { KindHandler } from "../src/codec/codec.js";
import { directory } from "../src/schemas.js";
import { blobCodec } from "./shared/blob-codec.js";

export const directoryKind: KindHandler<"directory"> = {
  compile: (desc) => blobCodec({ desc, multipart: true, tag: "FlyteDirectory", title: "FlyteDirectory" }),
  guess: {
    keys: ["blob:multipart"],
    schema: (lt) => directory({ format: lt.type.case === "blob" ? lt.type.value.format : "" }),
  },
};
