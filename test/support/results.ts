/** Kết quả theo kỳ as the tests read it. */
import { RESULTS_COLUMN_KEYS } from '../../src/domain/resultsSheet';

/** The index of a column of Kết quả theo kỳ. */
export const resultsCol = (k: (typeof RESULTS_COLUMN_KEYS)[number]): number => RESULTS_COLUMN_KEYS.indexOf(k);
