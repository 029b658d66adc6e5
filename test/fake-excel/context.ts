/**
 * The request machinery of the fake: a queue of operations that run against the state only at
 * context.sync(), the byte size of each sync's queued payload, and the proxy base classes with Office.js's
 * load-before-read rule.
 */
import { FakeOfficeError, propertyNotLoaded } from './errors';
import type { WorkbookState } from './state';

/** Excel on the web refuses requests and responses over 5 MB. */
export const FIVE_MB = 5 * 1024 * 1024;

export interface FakeLimits {
  maxRequestBytes: number;
  maxResponseBytes: number;
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

interface Operation {
  json: unknown;
  run(): void;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export class FakeContext {
  private queue: Operation[] = [];
  private nextProxyId = 1;
  private responseBytes = 0;
  /** What this sync's loads return, handed to the proxies only when the whole sync succeeds. */
  private deliveries: (() => void)[] = [];

  constructor(
    readonly state: WorkbookState,
    private readonly stats: FakeStats,
    private readonly limits: FakeLimits = { maxRequestBytes: FIVE_MB, maxResponseBytes: FIVE_MB },
  ) {}

  newProxyId(): number {
    return this.nextProxyId++;
  }

  enqueue(json: unknown, run: () => void): void {
    this.queue.push({ json, run });
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** Counts what a load returned, for the response-size statistics. */
  noteResponse(data: unknown): void {
    this.responseBytes += jsonBytes(data) + 1;
  }

  /**
   * Hands loaded data to a proxy once the sync has succeeded. As in Excel, a sync that fails (an operation
   * fails, or the response is over the limit) returns nothing: proxies loaded in it stay unloaded.
   */
  deliver(apply: () => void): void {
    this.deliveries.push(apply);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.stats.syncCount++;
    this.stats.operationCount += ops.length;
    const payload = jsonBytes(ops.map((o) => o.json));
    this.stats.payloads.push(payload);
    this.responseBytes = 0;
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
    try {
      // Like Excel, operations run in order and the batch stops at the first failure (earlier ones stay done).
      for (const op of ops) op.run();
    } finally {
      this.stats.responses.push(this.responseBytes);
    }
    if (this.responseBytes > this.limits.maxResponseBytes) {
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
export function loadPaths(spec: unknown): string[] {
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
  /** Reads the requested properties from the state into the proxy (at sync). */
  abstract applyLoad(paths: string[]): void;
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
    this.proxyId = context.newProxyId();
    if (creation) {
      const json = { id: this.proxyId, ...creation, args: creation.args?.map(toWire) };
      context.enqueue(json, () => void this.resolve());
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
      this.children.set(name, c);
    }
    return c as C;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property, this.typeName);
    return this.loaded.get(property) as V;
  }

  protected write(property: string, value: unknown, apply: (target: T, value: unknown) => void): void {
    this.context.enqueue({ id: this.proxyId, set: property, value }, () => apply(this.live(), value));
  }

  protected call(method: string, args: unknown[], run: (target: T) => void): void {
    this.context.enqueue({ id: this.proxyId, call: method, args: args.map(toWire) }, () => run(this.live()));
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.context.enqueue({ id: this.proxyId, load: paths.join(',') }, () => this.applyLoad(paths));
    return this;
  }

  applyLoad(paths: string[]): void {
    const target = this.resolve();
    if (target === null) return;
    this.assertAlive(target);
    const scalars = this.scalars();
    const navigation = this.navigation();
    const requested = paths.length
      ? byHead(paths)
      : new Map(Object.keys(scalars).map((k) => [k, [] as string[]]));
    for (const [head, rest] of requested) {
      if (head in scalars && rest.length === 0) {
        const value = scalars[head](target);
        this.context.deliver(() => this.loaded.set(head, value));
        this.context.noteResponse(value);
      } else if (head in navigation) {
        navigation[head]().applyLoad(rest);
      } else {
        throw new FakeOfficeError('PropertyNotFound', `${this.typeName} has no property "${head}".`);
      }
    }
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

  override applyLoad(paths: string[]): void {
    const target = this.resolve();
    if (target === null) return;
    const itemPaths = paths
      .map((p) => (p.startsWith('items/') ? p.slice(6) : p))
      .filter((p) => p !== 'items');
    const items = this.listItems(target);
    this.context.deliver(() => {
      this.loadedItems = items;
    });
    for (const item of items) item.applyLoad(itemPaths);
  }
}
