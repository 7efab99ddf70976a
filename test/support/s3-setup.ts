// Vitest global setup: one moto S3 server for the whole run, stopped afterwards. Tests read its endpoint with
// `inject("s3Endpoint")`.
import type { TestProject } from "vitest/node";
import { startMoto } from "../../scripts/moto-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMoto();
  project.provide("s3Endpoint", server.endpoint);
  return () => server.stop();
}
