// Files: `file({ format })` ⇄ `blob` SINGLE, as flytekit's FlyteFile (tag "FlyteFilePath") and Flyte 2's File.
import type { KindHandler } from "../src/codec/codec.js";
import { file } from "../src/schemas.js";
import { blobCodec } from "./shared/blob-codec.js";

export const fileKind: KindHandler<"file"> = {
  compile: (desc) => blobCodec({ desc, multipart: false, tag: "FlyteFilePath", title: "FlyteFile" }),
  // flytekit guesses any SINGLE blob as FlyteFile[format].
  guess: {
    keys: ["blob:single"],
    schema: (lt) => file({ format: lt.type.case === "blob" ? lt.type.value.format : "" }),
  },
};
