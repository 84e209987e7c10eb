/**
 * How the launcher runs the api and the worker: `fork(child.js, [entry])`. If the launcher itself
 * dies (even by SIGKILL) the IPC channel closes; the child then stops as on SIGTERM, so it does not
 * stay behind holding its port.
 */
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
await import(process.argv[2]);
