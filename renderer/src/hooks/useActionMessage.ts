import { useState } from 'react';
import { useErrorMessage } from './useErrorMessage';

/**
 * One line of feedback for a panel's buttons: `run` performs an action and shows `done`, or the
 * error in the UI language; `setMessage` shows anything else (e.g. "copied").
 */
export function useActionMessage(): {
  message: string;
  setMessage: (message: string) => void;
  run: (action: () => Promise<unknown>, done: string) => Promise<void>;
} {
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState('');
  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      setMessage(done);
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }
  return { message, setMessage, run };
}
