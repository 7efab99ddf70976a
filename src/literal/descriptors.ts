// The generated flyteidl messages with their descriptors (LiteralSchema, LiteralTypeSchema…). Importing this
// module boots the protobuf runtime and decodes the embedded file descriptors, about 15 ms and most of a cold
// start: only binary and JSON forms need it, and they import it (or load it on first use), never the
// conversion path. The types alone come from model.ts.
export * from "../gen/flyteidl/core/artifact_id_pb.js";
export * from "../gen/flyteidl/core/interface_pb.js";
export * from "../gen/flyteidl/core/literals_pb.js";
export * from "../gen/flyteidl/core/types_pb.js";
