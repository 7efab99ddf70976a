// One column of a StructuredDataset's type: its name (dotted for nested fields) and its LiteralType.
import type { LiteralType } from "../literal/model.js";

export interface DatasetColumn {
  readonly name: string;
  readonly literalType: LiteralType;
}
