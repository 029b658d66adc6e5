/**
 * The request machinery of the fake: a queue of operations that run against the state only at
 * context.sync(), the byte size of each sync's queued payload, and the proxy base classes with Office.js's
 * load-before-read rule.
 */
import { rectCells, type Rect } from './address';
import { FakeOfficeError, propertyNotLoaded } from './errors';
import type { WorkbookState } from './state';

/** Excel on the web refuses requests and responses over 5 MB. */
export const FIVE_MB = 5 * 1024 * 1024;

/**
 * Excel on the web refuses an operation (a property set, a method call) on a range of more than 33,554,000
 * cells with OperationCellsExceedLimit (Resource limits, "Excel add-ins"): a whole sheet (17 billion cells),
 * 32 or more whole columns, 2,048 or more whole rows.
 */
const WEB_OPERATION_CELLS = 33_554_000;

export interface FakeLimits {
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Cells one load of a range may cover (Excel: 5,000,000; RangeExceedsLimit past it). */
  maxLoadedCells?: number;
  /**
   * Cells one operation on a range may cover: Excel on the web's WEB_OPERATION_CELLS by default,
   * OperationCellsExceedLimit past it; Infinity plays Excel on a computer, which has no such limit.
   */
  maxOperationCells?: number;
}

export interface FakeStats {
  syncCount: number;
  /** Bytes of JSON of the operations each sync carried (what would cross the wire), one entry per sync. */
  payloads: number[];
  /** Bytes of JSON of the data each sync's loads returned, one entry per sync. */
  responses: number[];
  /** Indexes (0-based) of the syncs refused for a request or response over the size limit. */
  refused: number[];
  operationCount: number;
}

/** One queued operation, in the terms of the Office.js request protocol (see wireRequest). */
export type WireOperation =
  /** A proxy created by a method of its parent (getItem, getRange, add…): an Instantiate action. */
  | { kind: 'create'; id: number; method: string; parent?: number; args: unknown[] }
  | { kind: 'set'; id: number; property: string; value: unknown }
  | { kind: 'call'; id: number; method: string; args: unknown[] }
  | { kind: 'load'; id: number; select: string[] };

interface Operation {
  wire: WireOperation;
  run(): void;
}

/** How a proxy is reached: Office.js's object paths (GlobalObject, Method, Property, ReferenceId). */
interface ObjectPath {
  type: 'global' | 'method' | 'property' | 'item';
  name: string;
  parent?: number;
  args?: unknown[];
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

const ACTION_TYPE = { create: 1, load: 2, call: 3, set: 4 } as const;
const PATH_TYPE = { global: 1, method: 3, property: 4, item: 6 } as const;
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The request body of one sync in the shape the Office.js runtime sends it (RichApi: an "Actions" list and
 * the "ObjectPaths" they act on, every path with its parents), so that the bytes counted are those that
 * would cross the wire, give or take the protocol's few fixed fields. Each object path is sent again in
 * every request that uses it, which is the larger (conservative) choice.
 */
export function wireRequest(ops: readonly WireOperation[], pathOf: (id: number) => ObjectPath): unknown {
  const actions: unknown[] = [];
  const paths: Record<string, unknown> = {};
  const addPath = (id: number): void => {
    if (String(id) in paths) return;
    const p = pathOf(id);
    paths[String(id)] = {
      Id: id,
      ObjectPathType: PATH_TYPE[p.type],
      Name: pascal(p.name),
      ...(p.parent !== undefined ? { ParentObjectPathId: p.parent } : {}),
      ...(p.args ? { ArgumentInfo: { Arguments: p.args } } : {}),
    };
    if (p.parent !== undefined) addPath(p.parent);
  };
  ops.forEach((op, i) => {
    const base = { Id: i + 1, ActionType: ACTION_TYPE[op.kind], ObjectPathId: op.id };
    addPath(op.id);
    switch (op.kind) {
      case 'create':
        actions.push({ ...base, Name: '' });
        break;
      case 'set':
        actions.push({ ...base, Name: pascal(op.property), ArgumentInfo: { Arguments: [op.value] } });
        break;
      case 'call':
        actions.push({ ...base, Name: pascal(op.method), ArgumentInfo: { Arguments: op.args } });
        break;
      case 'load':
        actions.push({ ...base, Name: '', QueryInfo: { Select: op.select, Expand: [] } });
        break;
    }
  });
  return { Actions: actions, ObjectPaths: paths };
}

/** What can be injected into a fake workbook to play what a user does while the add-in works. */
export interface FakeHost {
  /** The user is typing in a cell (Excel's cell-edit mode). */
  cellEditMode: boolean;
  /** Excel honours Excel.run's delayForCellEdit option (waits for the edit to end instead of failing). */
  honoursDelayForCellEdit: boolean;
  /**
   * The code a sync fails with in cell-edit mode: InvalidOperationInCellEditMode (documented), or the plain
   * InvalidOperation with the same sentence that some builds answer (office-js#856, #3019).
   */
  cellEditCode: 'InvalidOperationInCellEditMode' | 'InvalidOperation';
  /** Another workbook has the focus: every sync fails with InactiveWorkbook. */
  inactiveWorkbook: boolean;
  /** Runs before the sync of that index (0-based, counted across runs), e.g. to add a sheet as a user would. */
  beforeSync: Map<number, () => void>;
  /** Resolves waiters when the cell edit ends. */
  editEnded: (() => void)[];
}

export function createHost(): FakeHost {
  return {
    cellEditMode: false,
    honoursDelayForCellEdit: true,
    cellEditCode: 'InvalidOperationInCellEditMode',
    inactiveWorkbook: false,
    beforeSync: new Map(),
    editEnded: [],
  };
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

export class FakeContext {
  private queue: Operation[] = [];
  private nextProxyId = 1;
  private results: unknown[] = [];
  /** What this sync's loads return, handed to the proxies only when the whole sync succeeds. */
  private deliveries: (() => void)[] = [];
  private readonly paths = new Map<number, ObjectPath>();
  private currentAction = 0;

  constructor(
    readonly state: WorkbookState,
    private readonly stats: FakeStats,
    readonly limits: FakeLimits = { maxRequestBytes: FIVE_MB, maxResponseBytes: FIVE_MB },
    private readonly host: FakeHost = createHost(),
    private readonly options: RunOptions = {},
  ) {}

  newProxyId(path: ObjectPath): number {
    const id = this.nextProxyId++;
    this.paths.set(id, path);
    return id;
  }

  /** Records how a proxy is reached (navigation properties learn theirs from their parent). */
  setPath(id: number, path: ObjectPath): void {
    this.paths.set(id, path);
  }

  enqueue(wire: WireOperation, run: () => void): void {
    this.queue.push({ wire, run });
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** Counts what a load (or a null-object check) returned, as a result of the current action. */
  noteResponse(value: unknown): void {
    this.results.push({ ActionId: this.currentAction, Value: value });
  }

  /**
   * Hands loaded data to a proxy once the sync has succeeded. As in Excel, a sync that fails (an operation
   * fails, or the response is over the limit) returns nothing: proxies loaded in it stay unloaded.
   */
  deliver(apply: () => void): void {
    this.deliveries.push(apply);
  }

  private async waitForHost(): Promise<void> {
    const host = this.host;
    host.beforeSync.get(this.stats.syncCount)?.();
    host.beforeSync.delete(this.stats.syncCount);
    if (host.cellEditMode) {
      if (!(this.options.delayForCellEdit && host.honoursDelayForCellEdit)) {
        throw new FakeOfficeError(
          host.cellEditCode,
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      }
      await new Promise<void>((resolve) => host.editEnded.push(resolve));
    }
    if (host.inactiveWorkbook) {
      throw new FakeOfficeError(
        'InactiveWorkbook',
        'The operation failed because multiple workbooks are open and the workbook being called by this API has lost focus.',
      );
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.waitForHost();
    this.stats.syncCount++;
    this.stats.operationCount += ops.length;
    const pathOf = (id: number): ObjectPath => this.paths.get(id) ?? { type: 'item', name: '' };
    const payload = jsonBytes(
      wireRequest(
        ops.map((o) => o.wire),
        pathOf,
      ),
    );
    this.stats.payloads.push(payload);
    this.results = [];
    this.deliveries = [];
    await Promise.resolve();
    if (payload > this.limits.maxRequestBytes) {
      this.stats.responses.push(0);
      this.stats.refused.push(this.stats.syncCount - 1);
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    let responseBytes: number;
    try {
      // Like Excel, operations run in order and the batch stops at the first failure (earlier ones stay done).
      ops.forEach((op, i) => {
        this.currentAction = i + 1;
        op.run();
      });
    } finally {
      responseBytes = jsonBytes({ Results: this.results });
      this.stats.responses.push(responseBytes);
    }
    if (responseBytes > this.limits.maxResponseBytes) {
      this.stats.refused.push(this.stats.syncCount - 1);
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
    for (const apply of this.deliveries) apply();
    this.deliveries = [];
  }
}

/** Proxies passed as arguments travel as references, as in Office.js requests. */
function toWire(arg: unknown): unknown {
  return arg instanceof ProxyBase ? arg.wireRef : arg;
}

/** Splits load() arguments into paths ("items/name", "protection/protected"). */
function loadPaths(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === 'object' && 'select' in spec) return loadPaths((spec as { select?: unknown }).select);
  throw new FakeOfficeError('InvalidArgument', `Unsupported load option ${JSON.stringify(spec)}.`);
}

/** Groups paths by their first segment: ["a/b", "a/c", "d"] → {a: ["b", "c"], d: []}. */
function byHead(paths: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('/');
    const list = out.get(head) ?? [];
    if (rest.length) list.push(rest.join('/'));
    out.set(head, list);
  }
  return out;
}

export type Scalars<T> = Record<string, (target: T) => unknown>;

/** What every proxy offers the machinery, whatever its target type. */
export abstract class ProxyBase {
  /** How the proxy appears in a request's JSON when passed as an argument. */
  abstract get wireRef(): { ref: number };
  /**
   * Reads the requested properties from the state into the proxy (at sync) and returns them as the
   * response carries them (null for a null object).
   */
  abstract applyLoad(paths: string[]): unknown;
}

/**
 * A proxy object. Its target (a piece of state) is found when its creating operation runs at sync, in queue
 * order, as Office.js does; navigation children (format, font, …) find theirs from their parent.
 */
export abstract class FakeClientObject<T> extends ProxyBase {
  readonly context: FakeContext;
  protected readonly proxyId: number;
  private target: T | null | undefined;
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, ProxyBase>();

  protected constructor(
    context: FakeContext,
    private readonly resolver: () => T | null,
    creation?: { method: string; parent?: number; args?: unknown[] },
  ) {
    super();
    this.context = context;
    const args = creation?.args?.map(toWire) ?? [];
    this.proxyId = context.newProxyId(
      creation
        ? { type: 'method', name: creation.method, parent: creation.parent, args }
        : { type: 'global', name: '' },
    );
    if (creation) {
      const wire: WireOperation = {
        kind: 'create',
        id: this.proxyId,
        method: creation.method,
        parent: creation.parent,
        args,
      };
      context.enqueue(wire, () => {
        const target = this.resolve();
        // Office.js answers every *OrNullObject proxy with whether it is null.
        if (creation.method.endsWith('OrNullObject')) context.noteResponse({ _IsNull: target === null });
      });
    }
  }

  get wireRef(): { ref: number } {
    return { ref: this.proxyId };
  }

  protected abstract get typeName(): string;

  /** Scalar properties that load() can read. */
  protected abstract scalars(): Scalars<T>;

  /** Navigation properties that load paths can walk through ("format/font/name"). */
  protected navigation(): Record<string, () => ProxyBase> {
    return {};
  }

  /** Binds a proxy to an existing piece of state (collection items). */
  bind(target: T): this {
    this.target = target;
    this.context.setPath(this.proxyId, { type: 'item', name: '' });
    return this;
  }

  resolve(): T | null {
    if (this.target === undefined) this.target = this.resolver();
    return this.target;
  }

  /** The target, or the error Office.js gives for acting on a null or deleted object. */
  protected live(): T {
    const t = this.resolve();
    if (t === null)
      throw new FakeOfficeError('InvalidObjectPath', `The object path of ${this.typeName} isn't valid.`);
    this.assertAlive(t);
    return t;
  }

  /** Throws when the state behind the proxy was deleted. */
  protected assertAlive(target: T): void {
    void target;
  }

  get isNullObject(): boolean {
    if (this.target === undefined) throw propertyNotLoaded('isNullObject', this.typeName);
    return this.target === null;
  }

  protected child<C extends ProxyBase>(name: string, make: () => C): C {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      if (c instanceof FakeClientObject)
        this.context.setPath(c.proxyId, { type: 'property', name, parent: this.proxyId });
      this.children.set(name, c);
    }
    return c as C;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property, this.typeName);
    return this.loaded.get(property) as V;
  }

  protected write(property: string, value: unknown, apply: (target: T, value: unknown) => void): void {
    this.context.enqueue({ kind: 'set', id: this.proxyId, property, value }, () =>
      apply(this.withinOperationLimit(this.live(), property), value),
    );
  }

  protected call(method: string, args: unknown[], run: (target: T) => void): void {
    this.context.enqueue({ kind: 'call', id: this.proxyId, method, args: args.map(toWire) }, () =>
      run(this.withinOperationLimit(this.live(), method)),
    );
  }

  /**
   * A range's target (it has a rect), or an object of a range (its format, font, data validation, conditional
   * formats), checked against the web's cell limit for one operation.
   */
  protected withinOperationLimit(target: T, what: string): T {
    const limit = this.context.limits.maxOperationCells ?? WEB_OPERATION_CELLS;
    const rect = (target as { rect?: Rect } | null)?.rect;
    if (rect && rectCells(rect) > limit) {
      throw new FakeOfficeError(
        'OperationCellsExceedLimit',
        `The attempted operation affects more than the limit of ${limit} cells.`,
        `${this.typeName}.${what}`,
      );
    }
    return target;
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.context.enqueue({ kind: 'load', id: this.proxyId, select: paths }, () =>
      this.context.noteResponse(this.applyLoad(paths)),
    );
    return this;
  }

  applyLoad(paths: string[]): unknown {
    const target = this.resolve();
    if (target === null) return { _IsNull: true };
    this.assertAlive(target);
    const data: Record<string, unknown> = {};
    const scalars = this.scalars();
    const navigation = this.navigation();
    const requested = paths.length
      ? byHead(paths)
      : new Map(Object.keys(scalars).map((k) => [k, [] as string[]]));
    for (const [head, rest] of requested) {
      if (head in scalars && rest.length === 0) {
        const value = scalars[head](target);
        this.context.deliver(() => this.loaded.set(head, value));
        data[head] = value;
      } else if (head in navigation) {
        data[head] = navigation[head]().applyLoad(rest);
      } else {
        throw new FakeOfficeError('PropertyNotFound', `${this.typeName} has no property "${head}".`);
      }
    }
    return data;
  }
}

/** A collection proxy: `items` is readable after load + sync, with each item bound to its state. */
export abstract class FakeCollection<T, I extends ProxyBase> extends FakeClientObject<T> {
  private loadedItems: I[] | undefined;

  protected abstract listItems(target: T): I[];

  protected scalars(): Scalars<T> {
    return {};
  }

  get items(): I[] {
    if (!this.loadedItems) throw propertyNotLoaded('items', this.typeName);
    return this.loadedItems;
  }

  override applyLoad(paths: string[]): unknown {
    const target = this.resolve();
    if (target === null) return { _IsNull: true };
    const itemPaths = paths
      .map((p) => (p.startsWith('items/') ? p.slice(6) : p))
      .filter((p) => p !== 'items');
    const items = this.listItems(target);
    this.context.deliver(() => {
      this.loadedItems = items;
    });
    return { _Items: items.map((item) => item.applyLoad(itemPaths)) };
  }
}
