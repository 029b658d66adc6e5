/**
 * What grafting removes with a replaced sheet (parts only it used, names scoped to it), and how each is told
 * in the loss report: classifyPart decides what a removed part is, describeRemoved says it.
 */
import { describeLoss, messages, type PartKind } from '../../i18n/xlsx';
import type { Package } from './opc';
import { scanTags } from './tagScan';
import { XmlError } from './xml';

/** Something removed with a replaced sheet: a part only it used, or a name scoped to it. */
export interface RemovedPart {
  part: string;
  /** The sheet it belonged to (its name before replacement). */
  sheet: string;
  /** What it is, when it is something the user would miss; undefined for plumbing (tables, printer settings). */
  kind: PartKind | undefined;
  /** For a defined name: the name. */
  name?: string;
}

export function describeRemoved(removed: RemovedPart): string | undefined {
  if (removed.name !== undefined) return messages.lostName(removed.name, removed.sheet);
  return removed.kind ? describeLoss(removed.kind, removed.part, removed.sheet) : undefined;
}

/** What a removed part is, for the loss report; undefined for parts nobody would miss. */
export function classifyPart(pkg: Package, part: string): PartKind | undefined {
  const type = (pkg.contentType(part) ?? '').toLowerCase();
  const path = part.toLowerCase();
  if (type.includes('spreadsheetml.table+xml') || path.includes('printersettings')) return undefined;
  // The old sheet itself, when it was a chartsheet or another kind of sheet (what it held is reported).
  if (/\/(chartsheets|dialogsheets|macrosheets)\//.test(path)) return undefined;
  if (type.includes('vmldrawing') || path.endsWith('.vml')) return undefined;
  if (
    type.includes('drawingml.chart+xml') ||
    type.includes('drawingml.chartex') ||
    /\/charts\/chart(ex)?\d*\.xml$/.test(path)
  ) {
    return 'chart';
  }
  if (path.includes('/charts/')) return undefined; // chart styles and colours go with their chart
  if (path.includes('/media/') || type.startsWith('image/')) return 'image';
  if (type.includes('drawing+xml') || /\/drawings\/drawing\d*\.xml$/.test(path)) {
    // Report a drawing only for shapes of its own; its pictures and charts are reported as such.
    return hasShapes(pkg.text(part)) ? 'drawing' : undefined;
  }
  if (path.includes('threadedcomment')) return 'threadedComments';
  if (type.includes('comments+xml') || /\/comments\d*\.xml$/.test(path)) return 'comments';
  if (type.includes('pivottable') || path.includes('/pivottables/')) return 'pivotTable';
  if (type.includes('pivotcache') || path.includes('/pivotcache/')) return 'pivotCache';
  if (path.includes('/slicers/') || path.includes('/slicercaches/')) return 'slicer';
  if (path.includes('/timelines/') || path.includes('/timelinecaches/')) return 'timeline';
  if (path.includes('/embeddings/')) return 'embedding';
  if (path.includes('/activex/') || path.includes('/ctrlprops/')) return 'control';
  if (path.includes('/webextensions/')) return 'webExtension';
  return 'other';
}

const SHAPES = new Set(['sp', 'grpSp', 'cxnSp']);

/**
 * Whether a drawing part holds a shape, group or connector of its own (any prefix). The tag scanner rather
 * than the tree: only element names are needed, and one linear pass stops at the first shape. A drawing that
 * cannot be read to the end is reported, as one the user may miss.
 */
function hasShapes(text: string): boolean {
  let found = false;
  try {
    scanTags(text, (tag) => {
      if (tag.closing || !SHAPES.has(tag.name)) return true;
      found = true;
      return false;
    });
  } catch (error) {
    if (error instanceof XmlError) return true;
    throw error;
  }
  return found;
}
