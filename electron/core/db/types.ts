import type BetterSqlite3 from 'better-sqlite3';

/**
 * One database handle type for the whole core. Functions take it as their first argument
 * (docs/architecture.md "The parts": plain functions `(db, ...args)`, no hidden module-level handle).
 */
export type Db = BetterSqlite3.Database;
