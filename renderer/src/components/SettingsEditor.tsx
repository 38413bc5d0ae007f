import { Fragment, type ReactNode } from 'react';
import type { EventSettings } from '../../../shared/domain/settings';
import { useActionMessage } from '../hooks/useActionMessage';
import { useLiveQuery } from '../hooks/useLiveQuery';

export type SaveFeedback = ReturnType<typeof useActionMessage>;

/**
 * An editor of part of the event's settings, seeded with what is saved and made anew whenever that
 * part changes (a save here, or a sync from another station), so it never shows stale values.
 * The save's message is kept here, outside the editor: kept inside, it would vanish with the very
 * editor its own save replaces.
 */
export function SettingsEditor({
  part,
  children,
}: {
  /** The settings this editor edits; a change to them re-seeds it. */
  part: (settings: EventSettings) => unknown;
  children: (settings: EventSettings, feedback: SaveFeedback) => ReactNode;
}) {
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const feedback = useActionMessage();
  if (!settings) return null;
  return <Fragment key={JSON.stringify(part(settings))}>{children(settings, feedback)}</Fragment>;
}
