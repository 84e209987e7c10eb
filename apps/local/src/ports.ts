import { createServer } from 'node:net';

/** A port the local start is about to bind, and the setting that moves it elsewhere. */
export interface PortClaim {
  port: number;
  variable: string;
  /** Binds on every interface when absent, as the api does. */
  host?: string;
}

/**
 * The claims whose port is already taken, checked all together before anything starts, so a
 * second `npm start` says which port is in use (and which setting to change) instead of hanging.
 */
export async function takenPorts(claims: PortClaim[]): Promise<(PortClaim & { reason: string })[]> {
  const results = await Promise.all(claims.map(async (claim) => ({ ...claim, reason: await bindError(claim.port, claim.host) })));
  return results.filter((r): r is PortClaim & { reason: string } => r.reason !== undefined);
}

/** undefined if the port can be bound now; otherwise the error code (EADDRINUSE, EACCES…). */
export function bindError(port: number, host?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}
