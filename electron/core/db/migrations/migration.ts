export interface Migration {
  /** Numbered from 1 without gaps; tracked in `PRAGMA user_version`. Never edit a released one. */
  version: number;
  name: string;
  sql: string;
}
