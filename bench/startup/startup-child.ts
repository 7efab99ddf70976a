// One cold import in a fresh process (bench/method.ts): `import(<module>)` timed, nothing loaded before it but
// node itself and this file. usage: node bench/startup/startup-child.js <module>
import { Child } from "../child.js";

const [name = "zod"] = process.argv.slice(2);
const child = new Child(0, 0);
child.baseline();
await child.time("import", () => import(name));
child.report();
