/**
 * jest's setup file (jest.config.js setupFiles): every test file's fast-check runs with the seed, the replay
 * path and the default count of test/support/fuzz.ts, so no test picks its own.
 */
import fc from 'fast-check';

import { globalFastCheckSettings } from './fuzz';

fc.configureGlobal(globalFastCheckSettings());
