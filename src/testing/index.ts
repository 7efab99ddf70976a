/**
 * Property-based checks for types, built on fast-check (a peer dependency of this entry). Derive values from a
 * schema, generate schemas, assert round trips, and check a custom transformer in a few lines.
 *
 * @module flyte-types/testing
 */
export { type ArbitraryOptions, arbitraryOf, arbitraryOfDesc } from "./arbitrary.js";
export {
  ARROW_COLUMN_KINDS,
  type ArrowTableOptions,
  arrowTable,
  arrowTableOf,
  type ColumnKind,
  tableDifference,
} from "./arrow.js";
export { type Diff, difference } from "./equivalent.js";
export { misfit } from "./fits.js";
export { arbitrarySchema, type SchemaOptions } from "./random-schemas.js";
export {
  assertRoundTrip,
  checkTransformer,
  RoundTripError,
  type RoundTripOptions,
  type TestableTransformer,
  type TransformerCheckOptions,
} from "./round-trip.js";
