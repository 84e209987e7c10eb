/**
 * An SMTP sink for the mail benchmark, run as its own process (fork, with an IPC channel) so that
 * neither the worker nor the raw sender shares a core with the receiving end. It accepts every
 * mail, reads it whole and counts it. Messages from the parent: `{ expect: n }` resets the count
 * and asks for `{ reached: n, bytes }` once n mails have arrived.
 */
import { SMTPServer } from 'smtp-server';

let count = 0;
let bytes = 0;
let expected = Infinity;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 50 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', (c: Buffer) => (bytes += c.length));
    stream.on('end', () => {
      count++;
      callback(null, `Ok: queued as sink${count}`);
      if (count === expected) process.send!({ reached: count, bytes });
    });
  },
});

process.on('message', (m: { expect?: number }) => {
  if (m.expect === undefined) return;
  count = 0;
  bytes = 0;
  expected = m.expect;
});
process.on('disconnect', () => server.close(() => process.exit(0)));

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
