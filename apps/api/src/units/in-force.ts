// The SQL lives with the delivery writer that needs it too (libs/rollout); units, recipients and forward import it from here.
export { inForceOn } from '@app/rollout';
