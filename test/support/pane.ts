/** Helpers for the task pane's React tests. */
import { act } from '@testing-library/react';

/** Lets React finish what the last event started (effects, resolved promises). */
export const settle = (): Promise<void> => act(async () => undefined);
