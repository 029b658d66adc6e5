/** The application layer: the actions the ribbon, the task pane and the CLI share. */
export { initTracker } from './initTracker';
export { checkTracker } from './checkTracker';
export type { ActionOutcome } from './types';
export { compileReport, type ReportOutcome } from './compileReport';
export { loadOverview } from './overview';
export { loadSettings, saveSettings } from './settingsForm';
export { demoDay, demoProgress, writeDemo } from './demo';
