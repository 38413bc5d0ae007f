import type { NumberedMigration } from '../migrate';

export interface Migration extends NumberedMigration {
  name: string;
}
