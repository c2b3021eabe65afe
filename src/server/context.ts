/** What every route handler is given: the database and the acting user of the request. */
import type { Database } from '../db/database.ts';
import type { Actor } from '../db/transaction.ts';

export interface AppEnv {
  Variables: {
    database: Database;
    actor: Actor;
  };
}
