import http from 'node:http';

export interface LoadResult {
  /** Completed operations per second over the whole run. */
  perSecond: number;
  /** Latency of each operation, ms. */
  latencies: number[];
  elapsedMs: number;
}

/**
 * `clients` concurrent loops that share one list of work items: each takes the next item, runs
 * it, and records how long it took, until the list is used up (a closed-loop load like pgbench -c).
 */
export async function closedLoop<T>(items: T[], clients: number, run: (item: T) => Promise<void>): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = performance.now();
        await run(item);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return { perSecond: (items.length / elapsedMs) * 1000, latencies, elapsedMs };
}

/** A keep-alive JSON client with at most `sockets` connections: cheaper per request than fetch. */
export function jsonClient(baseUrl: string, sockets: number, headers: Record<string, string>) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    post(path: string, body: unknown): Promise<{ status: number; body: string }> {
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host,
            port: url.port,
            path,
            method: 'POST',
            agent,
            headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
