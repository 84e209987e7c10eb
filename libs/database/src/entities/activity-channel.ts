import { ActivityChannel } from '@app/vocabulary';

/** Moved to @app/vocabulary (shared with the browser); re-exported so entity imports keep working. */
export { ActivityChannel };
