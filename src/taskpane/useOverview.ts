/**
 * The overview's data: loaded when the pane opens, and again when the workbook changes. Change events are
 * debounced (a burst of edits, a paste, a fill-down cause one read), a read never overlaps another (a change
 * during a read queues exactly one more), and while the pane's own work runs, reads wait until it is done.
 */
import * as React from 'react';
import { describeError } from './outcomeText';
import { PANE } from '../i18n/ui';
import type { OverviewView, PaneActions } from './actions';
import { Debouncer } from './debounce';

/** How long the workbook must be quiet before the overview is read again. */
const CHANGE_DEBOUNCE_MS = 800;

export type OverviewState =
  | { status: 'loading' }
  | { status: 'ready'; view: OverviewView; loadedAt: Date; refreshing: boolean }
  | { status: 'failed'; message: string; refreshing: boolean };

export interface OverviewHandle {
  state: OverviewState;
  /** Reads the overview again now (after the pane's own writes, or the "Làm mới" button). */
  refresh: () => void;
  /** How many debounced batches of workbook changes the pane has seen: a check older than this is stale. */
  changes: number;
}

/**
 * Listens to the workbook's changes and calls `onBatch` once a burst of them has been quiet for `debounceMs`.
 * Returns what stops listening (it also stops a subscription still being set up).
 */
function watchChanges(actions: PaneActions, debounceMs: number, onBatch: () => void): () => void {
  const debouncer = new Debouncer(onBatch, debounceMs);
  let unsubscribe: (() => void) | undefined;
  let cancelled = false;
  actions
    .subscribeToChanges(() => {
      // An event can still arrive after the pane closed, before the host has removed the handler.
      if (!cancelled) debouncer.trigger();
    })
    .then((stop) => {
      if (cancelled) stop();
      else unsubscribe = stop;
    })
    .catch(() => {
      // No change events on this host: the overview still refreshes after the pane's own actions and
      // with the "Làm mới" button.
    });
  return () => {
    cancelled = true;
    debouncer.cancel();
    unsubscribe?.();
  };
}

export function useOverview(
  actions: PaneActions,
  opts: { paused: boolean; debounceMs?: number },
): OverviewHandle {
  const debounceMs = opts.debounceMs ?? CHANGE_DEBOUNCE_MS;
  const [state, setState] = React.useState<OverviewState>({ status: 'loading' });
  const [changes, setChanges] = React.useState(0);
  const alive = React.useRef(false);
  const inFlight = React.useRef(false);
  const again = React.useRef(false);
  const paused = React.useRef(opts.paused);
  const deferred = React.useRef(false);
  paused.current = opts.paused;

  const load = React.useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState((s) => (s.status === 'loading' ? s : { ...s, refreshing: true }));
    try {
      const view = await actions.loadOverview();
      if (alive.current) setState({ status: 'ready', view, loadedAt: new Date(), refreshing: false });
    } catch (error) {
      if (alive.current) {
        setState({
          status: 'failed',
          message: PANE.unexpectedError(describeError(error)),
          refreshing: false,
        });
      }
    } finally {
      inFlight.current = false;
      if (again.current && alive.current) {
        again.current = false;
        void load();
      }
    }
  }, [actions]);

  const refresh = React.useCallback(() => {
    if (paused.current) deferred.current = true;
    else void load();
  }, [load]);

  React.useEffect(() => {
    alive.current = true;
    void load();
    const stop = watchChanges(actions, debounceMs, () => {
      setChanges((n) => n + 1);
      refresh();
    });
    return () => {
      alive.current = false;
      stop();
    };
  }, [actions, load, refresh, debounceMs]);

  // A refresh asked for while the pane's own work ran happens once that work is done.
  React.useEffect(() => {
    if (!opts.paused && deferred.current) {
      deferred.current = false;
      void load();
    }
  }, [opts.paused, load]);

  return { state, refresh, changes };
}
