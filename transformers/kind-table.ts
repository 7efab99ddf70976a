// The built-in kinds, one handler each. `satisfies` makes adding a Kind fail to compile until it is handled here.
import type { KindTable } from "../src/codec/codec.js";
import { boolKind } from "./bool.js";
import { customKind } from "./custom.js";
import { datasetKind } from "./dataset.js";
import { datetimeKind } from "./datetime.js";
import { directoryKind } from "./directory.js";
import { durationKind } from "./duration.js";
import { enumKind } from "./enum.js";
import { fileKind } from "./file.js";
import { floatKind } from "./float.js";
import { hashedKind } from "./hashed.js";
import { intKind } from "./int.js";
import { listKind } from "./list.js";
import { literalKind } from "./literal.js";
import { mapKind } from "./map.js";
import { mappedKind } from "./mapped.js";
import { noneKind } from "./none.js";
import { stringKind } from "./string.js";
import { structKind } from "./struct.js";
import { unionKind } from "./union.js";
import { untypedKind } from "./untyped.js";

export const builtinKinds = {
  int: intKind,
  float: floatKind,
  string: stringKind,
  bool: boolKind,
  datetime: datetimeKind,
  duration: durationKind,
  none: noneKind,
  list: listKind,
  map: mapKind,
  union: unionKind,
  enum: enumKind,
  struct: structKind,
  untyped: untypedKind,
  literal: literalKind,
  hashed: hashedKind,
  file: fileKind,
  directory: directoryKind,
  dataset: datasetKind,
  custom: customKind,
  mapped: mappedKind,
} as const satisfies KindTable;
