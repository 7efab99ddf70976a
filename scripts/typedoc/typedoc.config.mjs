// The API reference (`npm run docs`, into docs/api): the package's four entries. Warnings are errors, and
// `npm test` runs it, so a broken doc comment or link fails the suite. protobuf-es marks generated code with
// @generated, a tag typedoc does not know.
import { OptionDefaults } from "typedoc";

const root = new URL("../..", import.meta.url).pathname;

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  entryPoints: ["src/index.ts", "src/literal/index.ts", "src/testing/index.ts", "src/adapters/parquet/index.ts"].map(
    (e) => root + e,
  ),
  tsconfig: `${root}tsconfig.build.json`,
  out: `${root}docs/api`,
  name: "flyte-types",
  readme: "none",
  excludePrivate: true,
  excludeInternal: true,
  disableSources: true,
  blockTags: [...OptionDefaults.blockTags, "@generated"],
  treatWarningsAsErrors: true,
  // Every exported item has a doc comment; the generated model's come from its .proto (generated-summary.mjs).
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  plugin: [`${root}scripts/typedoc/generated-summary.mjs`],
  // The contract a built-in kind implements (codecs, the conversion context, the msgpack writer) and a few helper
  // types are named by public types but are not public API yet: kinds are added inside this repository.
  intentionallyNotExported: [
    "Named",
    "INVALID",
    "ConvertContext",
    "SchemaGen",
    "MsgpackWriter",
    "JsonObject",
    "DescOf",
    "CompileChild",
    "KindGuess",
    "COMPRESSION",
    // The messages between the pool and its worker threads.
    "ToWorker",
    "FromWorker",
  ],
};
