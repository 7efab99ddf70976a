// A class of your own, carried as a dataclass: the bytes are those Python's
// `@dataclass class Money: amount: int; currency: str` writes, inside records and lists too.
// Run: npx tsx examples/custom-type.ts

import { createTypeEngine, dataclass, isFlyteTypeError } from "flyte-types";
import { encodeLiteral } from "flyte-types/model";
import { z } from "zod";

class Money {
  constructor(
    readonly amount: bigint,
    readonly currency: string,
  ) {}
  toString(): string {
    return `${this.amount} ${this.currency}`;
  }
}

const engine = createTypeEngine();
const MoneyWire = dataclass(z.object({ amount: z.bigint(), currency: z.string().length(3) }).meta({ title: "Money" }));
engine.register({
  name: "Money",
  type: Money,
  wire: MoneyWire,
  toWire: (m) => ({ amount: m.amount, currency: m.currency }),
  fromWire: (w) => new Money(w.amount, w.currency),
});

const Invoice = z.object({ number: z.int(), lines: z.array(z.instanceof(Money)), total: z.instanceof(Money) });
const invoice = {
  number: 42,
  lines: [new Money(1500n, "EUR"), new Money(475n, "EUR")],
  total: new Money(1975n, "EUR"),
};
const literal = await engine.toLiteral(invoice, Invoice);
const back = await engine.toValue(literal, Invoice);
console.log(`invoice ${back.number}: ${back.lines.join(" + ")} = ${back.total}`);

// The same bytes as the wire schema writes for the plain record.
const plain = await engine.toLiteral({ amount: 1975n, currency: "EUR" }, MoneyWire);
const mine = await engine.toLiteral(new Money(1975n, "EUR"), Money);
const same = Buffer.from(encodeLiteral(plain)).equals(Buffer.from(encodeLiteral(mine)));
console.log(`Money writes what the dataclass writes: ${same}`);

// A Python task's output of that dataclass reads as Money without declaring it.
console.log(`guessType of its LiteralType: ${(engine.guessType(engine.literalType(MoneyWire)) as typeof Money).name}`);

// Bad values are typed errors naming the path.
try {
  await engine.toLiteral({ ...invoice, total: new Money(1n, "EURO") }, Invoice);
} catch (e) {
  if (!isFlyteTypeError(e)) throw e;
  console.log(`refused: ${e.code} at ${e.issues[0]?.path}: ${e.issues[0]?.message}`);
}
if (!same) throw new Error("the bytes differ");
