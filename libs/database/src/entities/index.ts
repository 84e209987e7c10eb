import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';

export * from './unit.entity.js';
export * from './user.entity.js';

export const entities = [Unit, User];
