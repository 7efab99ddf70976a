// One column of a StructuredDataset's type: its name (dotted for nested fields) and its LiteralType.
import type { LiteralType } from "../literal/model.js";

/** One declared column of a StructuredDataset type, as in its `StructuredDatasetType.columns`. */
export interface DatasetColumn {
  /** The column name as stored; a field nested in a record is a dotted name (`address.city`), as flytekit writes. */
  readonly name: string;
  /** The column's Flyte type; a reader refuses a stored column of another type. */
  readonly literalType: LiteralType;
}
