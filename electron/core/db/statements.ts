import type Database from 'better-sqlite3';
import type { Db } from './types';

type Statement = Database.Statement<unknown[], unknown>;
const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per database and reused. Preparing costs more than running a
 * small statement, and the projection runs a handful per entry: a pull of 100,000 entries spent
 * most of its time compiling the same SQL again. Only for plain run/get/all (a cached statement
 * must not be switched to pluck/raw mode or left iterating).
 */
export function cachedStatement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
  return statement;
}
