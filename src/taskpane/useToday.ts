/**
 * Today's date for the pane, following the clock: a pane left open overnight must not judge deadlines by
 * yesterday. It is read again when the pane gets focus or becomes visible again (a laptop woken up, Excel
 * brought back to the front), and at each local midnight while the pane stays open.
 */
import * as React from 'react';
import type { IsoDate } from '../domain/dates';

/** Milliseconds from `now` to just after the next local midnight. */
export function msToNextMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return Math.max(1000, next.getTime() - now.getTime());
}

/** Today by `readToday` (the pane's actions.today), read again on focus, on visibility and at midnight. */
export function useToday(readToday: () => IsoDate): IsoDate {
  const [today, setToday] = React.useState<IsoDate>(readToday);
  React.useEffect(() => {
    const check = () => setToday(readToday());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        check();
        arm();
      }, msToNextMidnight(new Date()));
    };
    const onVisible = () => {
      if (document.visibilityState !== 'hidden') check();
    };
    check();
    arm();
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [readToday]);
  return today;
}
