/**
 * The names a test's tracker is made with. A new tracker has no unit, place or signer until the user gives them
 * (issue 20, item 7), and a report without them refuses: a test that makes a tracker to report on names its
 * commune here, the plan's own (UBND xã Long Điền A), so that what the tests assert about the report's header,
 * date line and signature keeps holding.
 */
import { initTracker, type InitOptions } from '../../src/app/initTracker';
import { planSettings, type Identity } from '../../src/domain/settings';
import type { WorkbookPort } from '../../src/workbook/port';

const plan = planSettings(2026);

/** The plan's commune, as a user of `init` names it. */
export const TEST_IDENTITY: Identity = {
  unitName: plan.unitName,
  place: plan.place,
  signerName: plan.signerName,
};

/** `cchc init`'s flags that name TEST_IDENTITY's commune. */
export const INIT_NAMES: readonly string[] = [
  '--unit',
  plan.unitName,
  '--place',
  plan.place,
  '--signer-name',
  plan.signerName,
];

/** initTracker with TEST_IDENTITY (what the options say wins). */
export function initNamed(port: WorkbookPort, opts: InitOptions): ReturnType<typeof initTracker> {
  return initTracker(port, { identity: TEST_IDENTITY, ...opts });
}
