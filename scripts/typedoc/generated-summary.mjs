// A typedoc plugin for the generated flyteidl model (src/gen/): protoc-gen-es gives every message, field and enum
// value a comment, but one whose only text is a block tag (`@generated from field: string uri = 1;`) where the
// .proto has no comment of its own. typedoc counts those as undocumented. The tag is the documentation the .proto
// gives, so it becomes the summary: "From flyteidl: field: string uri = 1;". A oneof is an object { case, value }
// whose two properties protoc-gen-es leaves bare; they get the one sentence that is true of every oneof.
import { Comment, Converter, ReflectionKind } from "typedoc";

const ONEOF = {
  case: "Which field of the oneof is set (its name in camelCase), or undefined when none is.",
  value: "The value of the field named by `case`.",
};

/** Whether the reflection's declaration is in the generated model. */
const generated = (context, reflection) =>
  (context.getSymbolFromReflection(reflection)?.declarations ?? []).some((d) =>
    d.getSourceFile().fileName.includes("/src/gen/"),
  );

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const oneof = ONEOF[reflection.name];
      if (
        oneof !== undefined &&
        reflection.kind === ReflectionKind.Property &&
        !reflection.comment &&
        generated(context, reflection)
      ) {
        reflection.comment = new Comment([{ kind: "text", text: oneof }]);
        continue;
      }
      for (const comment of [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)]) {
        if (comment === undefined || Comment.combineDisplayParts(comment.summary).trim() !== "") continue;
        const generated = comment.blockTags.find((t) => t.tag === "@generated");
        if (generated === undefined) continue;
        const text = Comment.combineDisplayParts(generated.content).replace(/^from\s+/, "");
        comment.summary = [{ kind: "text", text: `From flyteidl: ${text}` }];
      }
    }
  });
}
