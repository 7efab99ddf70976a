// A fault-injecting HTTP proxy in front of the real S3 server: it forwards every request unchanged, except those
// a test tells it to fail (a 503 answer, a connection dropped mid-body). Faults real networks produce and a
// healthy server will not, so the retry and abort paths meet real S3 responses otherwise.
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** Decides, per request, whether to fail it and how. */
export type Fault = "503" | "reset" | { truncateAfter: number };
export type FaultRule = (req: IncomingMessage) => Fault | undefined;

export interface FaultProxy {
  readonly endpoint: string;
  /** Requests seen, as `METHOD path?query`. */
  readonly log: string[];
  setRule(rule: FaultRule | undefined): void;
  close(): Promise<void>;
}

const SLOW_DOWN = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServiceUnavailable</Code><Message>injected</Message></Error>`;

export function startFaultProxy(target: string): Promise<FaultProxy> {
  const up = new URL(target);
  let rule: FaultRule | undefined;
  const log: string[] = [];
  const sockets = new Set<Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    log.push(`${req.method} ${req.url}`);
    const fault = rule?.(req);
    if (fault === "503") {
      req.resume();
      res.writeHead(503, { "content-type": "application/xml" }).end(SLOW_DOWN);
      return;
    }
    if (fault === "reset") {
      req.socket.destroy();
      return;
    }
    const out = request(
      { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault === undefined) {
          answer.pipe(res);
          return;
        }
        // Send the first bytes of the body, then drop the connection.
        let sent = 0;
        answer.on("data", (chunk: Buffer) => {
          const room = fault.truncateAfter - sent;
          if (room <= 0) return;
          res.write(chunk.subarray(0, room));
          sent += Math.min(room, chunk.length);
          if (sent >= fault.truncateAfter) setTimeout(() => req.socket.destroy(), 10);
        });
      },
    );
    out.on("error", () => req.socket.destroy());
    req.pipe(out);
  };

  const server: Server = createServer(handle);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        log,
        setRule: (r) => {
          rule = r;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A rule failing the first `n` requests that match `pick`, then none. */
export function firstN(n: number, fault: Fault, pick: (req: IncomingMessage) => boolean = () => true): FaultRule {
  let left = n;
  return (req) => {
    if (left <= 0 || !pick(req)) return undefined;
    left--;
    return fault;
  };
}
