import { type KeyboardEvent, useCallback } from 'react';

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Enter in a text field moves to the next field, as on the paper-form systems window staff know; a search box or a
 * select that wants Enter marks itself with data-enter="keep".
 */
export function useEnterMovesOn() {
  return useCallback((e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target.tagName !== 'INPUT' || target.closest('[data-enter="keep"]')) return;
    if ((target as HTMLInputElement).type === 'checkbox' || (target as HTMLInputElement).type === 'radio') return;
    if (target.getAttribute('role') === 'combobox') return; // a select opens or picks on Enter
    const all = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el.offsetParent !== null,
    );
    const next = all[all.indexOf(target) + 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }, []);
}

/** Alt+letter shortcuts of the outcome buttons. */
export const SHORTCUTS = { accept: 'A', notice: 'N', refuse: 'R', defer: 'D' } as const;
