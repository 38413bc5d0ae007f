import { useEffect, useRef, type RefObject } from 'react';
import { ScanBurstReader } from '../../../shared/input/scan-burst';

function isEditable(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  return (
    (element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(element.type)) ||
    element instanceof HTMLTextAreaElement
  );
}

/** Sets a field's text the way typing would, so React's onChange sees it. */
function setFieldText(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  setter?.call(field, text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Catches scanner bursts page-wide, wherever the focus is (the search box, a button just clicked,
 * a result row, blank space): the burst's Enter never reaches the page, and `onScan` gets the
 * code. Typing outside any field goes to `home` (the search box), so a person never types into
 * nothing. A burst typed into another field (a form) is taken back out of it.
 */
export function useScanCapture(onScan: (code: string) => void, home: RefObject<HTMLInputElement | null>, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });

  useEffect(() => {
    if (!enabled) return;
    const reader = new ScanBurstReader();
    const onKeyDown = (event: KeyboardEvent): void => {
      const meaning = reader.read({
        key: event.key,
        at: event.timeStamp,
        composing: event.isComposing || event.keyCode === 229,
        modified: event.ctrlKey || event.altKey || event.metaKey,
      });
      const target = document.activeElement;
      if (meaning.kind === 'scan') {
        event.preventDefault();
        event.stopPropagation();
        if (isEditable(target) && target !== home.current && target.value.endsWith(meaning.code)) {
          setFieldText(target, target.value.slice(0, -meaning.code.length));
        }
        latest.current(meaning.code);
        return;
      }
      const pressesButton = event.key === ' ' && target instanceof HTMLButtonElement;
      if (meaning.kind === 'char' && !pressesButton && !isEditable(target) && !(target instanceof HTMLSelectElement) && home.current) {
        // Keys on a button or blank space: carry on typing in the search box.
        event.preventDefault();
        const box = home.current;
        box.focus();
        setFieldText(box, box.value + event.key);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [home, enabled]);
}
