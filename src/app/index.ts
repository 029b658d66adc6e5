/** The application layer: the actions the ribbon, the task pane and the CLI share. */
export { initTracker, type InitOptions } from './initTracker';
export { checkTracker, trackerFromSnapshot, type CheckOutcome, type TrackerState } from './checkTracker';
export { outcomeFromError } from './errors';
export type { ActionOutcome } from './types';
export { todayIso } from '../domain/dates';
export { compileReport, type ReportOptions, type ReportOutcome } from './compileReport';
export { loadOverview, type OverviewOutcome } from './overview';
export { loadSettings, saveSettings, validateSettings, type SettingsOutcome } from './settingsForm';
export { demoDay, demoProgress, writeDemo, type DemoDay, type DemoOutcome } from './demo';
