import { ConflictsPanel } from './ConflictsPanel';
import { PairingPanel } from './PairingPanel';
import { StationsPanel } from './StationsPanel';

/** The organizer's sync area: pairing and hub settings, stations seen, the conflict list. */
export function SyncPanels() {
  return (
    <>
      <PairingPanel />
      <StationsPanel />
      <ConflictsPanel />
    </>
  );
}
