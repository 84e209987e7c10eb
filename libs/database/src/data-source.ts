// Entry point of the TypeORM CLI (npm run migration:run / :revert / :generate / :show).
import { loadConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

export default new DataSource(dataSourceOptions(loadConfig()));
