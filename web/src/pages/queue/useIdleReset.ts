import { useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `reset` after `seconds` without a touch, a key or a scroll, and says how many seconds are left, so a kiosk
 * left with a ticket, a half-made choice or 长者模式 on returns to its start screen for the next person.
 */
export function useIdleReset(seconds: number, reset: () => void): number {
  const [left, setLeft] = useState(seconds);
  const last = useRef(Date.now());
  const resetRef = useRef(reset);
  resetRef.current = reset;

  useEffect(() => {
    const touched = () => {
      last.current = Date.now();
      setLeft(seconds);
    };
    for (const type of ACTIVITY) window.addEventListener(type, touched, { passive: true, capture: true });
    touched();
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, Math.ceil(seconds - (Date.now() - last.current) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        last.current = Date.now();
        resetRef.current();
      }
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touched, { capture: true });
    };
  }, [seconds]);
  return left;
}
