import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { LocalStackError, StoppedError } from '@app/local-stack';
import { Launcher } from './launcher.js';
import { MSG } from './messages.js';

/**
 * `npm start`: the whole product on one machine (see Launcher). What goes wrong before it runs is
 * printed as one message a person can act on, never as a stack trace, and the exit code is 1.
 */
let launcher: Launcher | undefined;
try {
  launcher = new Launcher(loadConfig());
  await launcher.run();
} catch (e: unknown) {
  if (!(e instanceof StoppedError) && !launcher?.stopping) {
    const known = e instanceof ConfigError || e instanceof LocalStackError;
    console.error(known ? e.message : MSG.startFailed(e instanceof Error ? e.message : String(e)));
    await launcher?.shutdown(1);
    process.exit(1);
  }
}
