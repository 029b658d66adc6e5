/**
 * How the add-in's sheets of rows print, one home for each layout the sheets share: on A4, every column on
 * one page wide (rows run on as many pages as they need). An officer's printout has every column; it stays
 * legible through each sheet's column widths, not by leaving columns out.
 */
import { PAGE_HEADER } from '../i18n/vi';
import type { PageSetupSpec } from './spec';

/**
 * A table (Nhiệm vụ, Hồ sơ TTHC): landscape, its header row (row 1) repeated on every page, "Trang x/y" at
 * the top of each.
 */
export function tablePageSetup(): PageSetupSpec {
  return {
    paper: 'A4',
    orientation: 'landscape',
    margins: { top: 15, bottom: 12, left: 10, right: 10, header: 8, footer: 8 },
    printTitleRows: '1:1',
    fitToWidth: true,
    header: { center: PAGE_HEADER, differentFirstPage: false },
  };
}

/** A short list of a few columns (Danh mục, Cài đặt): portrait. */
export function listPageSetup(): PageSetupSpec {
  return {
    paper: 'A4',
    orientation: 'portrait',
    margins: { top: 20, bottom: 20, left: 20, right: 15, header: 8, footer: 8 },
    fitToWidth: true,
  };
}
