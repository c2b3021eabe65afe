/** What every route handler is given: the database and the acting user of the request. */
import type { Database } from '../db/database.ts';
import type { Actor } from '../db/transaction.ts';
import type { SessionContext } from '../modules/auth/auth.service.ts';

export interface AppEnv {
  Variables: {
    database: Database;
    actor: Actor;
    /** The signed-in session; absent only on the public endpoints (sign-in). */
    session: SessionContext | undefined;
    /** The client's address, for the audit log. */
    ip: string | undefined;
  };
}
