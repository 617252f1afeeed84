import { defineRule, optionValue, parseOrigin, type JsFile, type Project, type RuleContext } from '@bmplint/core';
import { ancestorsOf, callersOf, isFunction, unwrap, walkedJs, type CallNode, type Node } from '../js.js';
import trackingData from './data/tracking-origins.json' with { type: 'json' };
import { bindParameters, TaintEvaluator, type Env, type PersonalKind, type Taint, type Unbound } from './taint.js';

/** Options of the network APIs that carry data to the server. */
const PAYLOAD: Record<string, string[]> = { request: ['data', 'header', 'url'], uploadFile: ['formData', 'header', 'url'] };
/** How many helper levels a value is followed up through its callers. */
const MAX_CALLER_DEPTH = 3;
const MAX_CONTEXTS = 40;

interface TrackingOrigin {
  host: string;
  suffix?: boolean;
  vendor: string;
}

const TRACKERS: readonly TrackingOrigin[] = trackingData.origins;

export function trackerOf(host: string): TrackingOrigin | undefined {
  const lower = host.toLowerCase();
  return TRACKERS.find((entry) => lower === entry.host || (entry.suffix === true && lower.endsWith(`.${entry.host}`)));
}

export default defineRule({
  meta: {
    id: 'privacy/personal-data-leak',
    clauses: ['5.2.6', '5.2.7', '5.2.9'],
    severity: 'error',
    suppressible: true,
    confidence: 'high',
    docs: { description: 'Personal data (email, phone number, wallet address, open id, profile) must not be sent to origins other than the app\'s own Service Domains, nor to analytics or tracking services.' },
    messages: {
      toTracker: 'The user\'s {{what}} ({{evidence}}) is sent to {{origin}} ({{vendor}}, an analytics or tracking service){{via}}: personal data must not be disclosed to third parties (5.2.6, 5.2.7, 5.2.9).',
      toThirdParty: 'The user\'s {{what}} ({{evidence}}) is sent to {{origin}}{{via}}, which is not one of the app\'s Service Domains: personal data may go only to the app\'s own servers, with the user\'s consent (5.2.6, 5.2.7, 5.2.9).',
      mayLeak: 'bn.{{api}} sends data to {{origin}} ({{vendor}}, an analytics or tracking service){{via}}, and what it sends could not be followed: make sure it holds no personal data (5.2.6, 5.2.7, 5.2.9).',
    },
  },
  create(context) {
    let listed: ReadonlySet<string> | undefined | null = null;
    const reported = new Set<string>();
    let taints: TaintEvaluator | undefined;
    return {
      js: {
        bnCall(call) {
          const file = walkedJs(context.file);
          if (!PAYLOAD[call.name] || !file) return;
          if (listed === null) listed = listedServiceDomains(context.project);
          taints ??= new TaintEvaluator(context.project);
          new SinkAnalysis(context, taints, listed, reported).run(file, call.node, call.name);
        },
      },
    };
  },
});

/** Normalised Service Domain origins; undefined when there is no listing to check against. */
function listedServiceDomains(project: Project): ReadonlySet<string> | undefined {
  const raw = project.listing?.value?.serviceDomains;
  if (!project.listing?.value || (raw !== undefined && !Array.isArray(raw))) return undefined;
  const origins = new Set<string>();
  for (const item of (raw as unknown[] | undefined) ?? []) {
    const origin = typeof item === 'string' ? parseOrigin(item.trim().replace(/\/+$/, ''))?.origin : undefined;
    if (origin) origins.add(origin);
  }
  return origins;
}

interface Destination {
  origin: string;
  tracker?: TrackingOrigin;
}

interface UrlPrefix {
  prefix: string;
  complete: boolean;
  unbound: Unbound[];
}

interface Context {
  env: Env;
  depth: number;
  /** The call that passed the data into the helper holding the request (the outermost one). */
  site?: { file: JsFile; node: CallNode };
}

/** One bn.request / uploadFile: where it goes, what it carries, and (through helpers) who calls it. */
class SinkAnalysis {
  constructor(
    private readonly context: RuleContext,
    private readonly taints: TaintEvaluator,
    private readonly listed: ReadonlySet<string> | undefined,
    private readonly reported: Set<string>,
  ) {}

  private get project(): Project {
    return this.context.project;
  }

  run(file: JsFile, call: CallNode, api: string): void {
    const queue: Context[] = [{ env: new Map(), depth: 0 }];
    let processed = 0;
    let mayLeak: { destination: Destination; context: Context } | undefined;
    while (queue.length && processed++ < MAX_CONTEXTS) {
      const current = queue.shift()!;
      const options = this.options(file, call, current.env);
      if (!options) continue;
      const url = options.get('url');
      const prefix = url ? this.urlPrefix(url.node, url.file, current.env, 0) : { prefix: '', complete: false, unbound: [] };
      const destination = this.destination(prefix);
      if (destination === 'safe' || (destination === 'unknown' && !prefix.unbound.length)) continue;
      const taint: Taint = { kinds: new Map(), unbound: [...prefix.unbound], unresolved: false };
      for (const key of PAYLOAD[api]) {
        const option = options.get(key);
        if (!option) continue;
        const found = this.taints.of(option.node, option.file, current.env);
        for (const [kind, evidence] of found.kinds) if (!taint.kinds.has(kind)) taint.kinds.set(kind, evidence);
        taint.unbound.push(...found.unbound);
        taint.unresolved ||= found.unresolved;
      }
      if (destination !== 'unknown' && taint.kinds.size) {
        this.report(file, call, api, destination, taint, current, options);
        continue;
      }
      const expanded = taint.unbound.length && current.depth < MAX_CALLER_DEPTH ? this.expand(taint.unbound, current) : [];
      queue.push(...expanded);
      if (destination !== 'unknown' && destination.tracker && !expanded.length && (taint.unresolved || taint.unbound.length)) mayLeak ??= { destination, context: current };
    }
    if (mayLeak) {
      const { destination, context } = mayLeak;
      const at = context.site ?? { file, node: call };
      this.emit(at.file, at.node, 'mayLeak', 'low', {
        api, origin: destination.origin, vendor: destination.tracker!.vendor, via: this.via(file, call, api, context),
      });
    }
  }

  /** The options object of the call, also when it is a helper's parameter bound by a caller. */
  private options(file: JsFile, call: CallNode, env: Env): Map<string, { node: Node; file: JsFile }> | undefined {
    const out = new Map<string, { node: Node; file: JsFile }>();
    let object: Node | undefined = call.arguments[0] as Node | undefined;
    let objectFile = file;
    for (let hops = 0; object && hops < 4; hops++) {
      object = unwrap(object);
      if (object.type !== 'Identifier') break;
      const binding = this.project.scopeOf(objectFile)?.lookup(object.name, object.start ?? 0);
      if (binding && env.has(binding)) {
        const argument = env.get(binding)!;
        object = argument.node;
        objectFile = argument.file;
      } else if (binding?.source.kind === 'init') object = binding.source.init;
      else return undefined;
    }
    if (object?.type !== 'ObjectExpression') return undefined;
    for (const key of ['url', 'data', 'header', 'formData']) {
      const value = optionValue(object as Parameters<typeof optionValue>[0], key);
      if (value) out.set(key, { node: value, file: objectFile });
    }
    return out;
  }

  /** The known start of the URL, binding helper parameters through the environment. */
  private urlPrefix(node: Node, file: JsFile, env: Env, depth: number): UrlPrefix {
    const none = { prefix: '', complete: false, unbound: [] };
    if (depth > 12) return none;
    const inner = unwrap(node);
    const value = this.project.evaluator.evaluate(inner, file);
    if (typeof value === 'string') return { prefix: value, complete: true, unbound: [] };
    if (inner.type === 'TemplateLiteral') {
      let prefix = inner.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < inner.expressions.length; i++) {
        const part = this.urlPrefix(inner.expressions[i] as Node, file, env, depth + 1);
        if (!part.complete) return { prefix: prefix + part.prefix, complete: false, unbound: part.unbound };
        prefix += part.prefix + (inner.quasis[i + 1]?.value.cooked ?? '');
      }
      return { prefix, complete: true, unbound: [] };
    }
    if (inner.type === 'BinaryExpression' && inner.operator === '+') {
      const left = this.urlPrefix(inner.left as Node, file, env, depth + 1);
      if (!left.complete) return left;
      const right = this.urlPrefix(inner.right, file, env, depth + 1);
      return { prefix: left.prefix + right.prefix, complete: right.complete, unbound: right.unbound };
    }
    if (inner.type === 'Identifier') {
      const binding = this.project.scopeOf(file)?.lookup(inner.name, inner.start ?? 0);
      if (binding && env.has(binding)) {
        const argument = env.get(binding)!;
        return argument.node ? this.urlPrefix(argument.node, argument.file, env, depth + 1) : none;
      }
      if (binding?.source.kind === 'init') return this.urlPrefix(binding.source.init, file, env, depth + 1);
      if (binding?.source.kind === 'param') {
        for (const { node: ancestor } of ancestorsOf(file, inner)) {
          if (isFunction(ancestor) && (ancestor.start ?? 0) === binding.scopeStart) return { prefix: '', complete: false, unbound: [{ binding, file, fn: ancestor }] };
        }
      }
      return none;
    }
    const known = this.project.evaluator.stringPrefix(inner, file);
    return { prefix: known.prefix, complete: known.value !== undefined, unbound: [] };
  }

  private destination(url: UrlPrefix): Destination | 'safe' | 'unknown' {
    const parsed = parseOrigin(url.prefix.trim(), url.complete);
    if (!parsed?.origin || !parsed.host) return 'unknown';
    const tracker = trackerOf(parsed.host);
    if (tracker) return { origin: parsed.origin, tracker };
    if (this.listed && !this.listed.has(parsed.origin)) return { origin: parsed.origin };
    return 'safe';
  }

  /** One context per caller of each helper whose parameters decide the URL or the data. */
  private expand(unbound: Unbound[], current: Context): Context[] {
    const out: Context[] = [];
    const seen = new Set<Node>();
    for (const { fn, file } of unbound) {
      if (seen.has(fn)) continue;
      seen.add(fn);
      for (const caller of callersOf(this.project, file, fn, this.context.file)) {
        const env: Env = new Map(current.env);
        bindParameters(this.project, file, fn, caller.call.arguments as Node[], caller.file, env);
        out.push({ env, depth: current.depth + 1, site: { file: caller.file, node: caller.call } });
      }
    }
    return out;
  }

  private report(file: JsFile, call: CallNode, api: string, destination: Destination, taint: Taint, context: Context, options: Map<string, { node: Node; file: JsFile }>): void {
    const kinds = [...taint.kinds.keys()];
    const evidence = taint.kinds.get(kinds.find((kind) => kind !== 'address') ?? kinds[0])!;
    const data = { what: describeKinds(kinds), evidence, origin: destination.origin, via: this.via(file, call, api, context) };
    // Directly in the request: at the option that carries the data; through a helper: at the call passing it in.
    const at = context.site ?? { file, node: this.carrier(options, context.env) ?? call };
    if (destination.tracker) this.emit(at.file, at.node, 'toTracker', undefined, { ...data, vendor: destination.tracker.vendor });
    else this.emit(at.file, at.node, 'toThirdParty', undefined, data);
  }

  /** The first payload option holding personal data. */
  private carrier(options: Map<string, { node: Node; file: JsFile }>, env: Env): Node | undefined {
    for (const key of ['data', 'formData', 'header', 'url']) {
      const option = options.get(key);
      if (option && this.taints.of(option.node, option.file, env).kinds.size) return option.node;
    }
    return undefined;
  }

  private via(file: JsFile, call: CallNode, api: string, context: Context): string {
    if (!context.site) return '';
    const line = file.lines.positionAt(call.start ?? 0).line;
    return ` through bn.${api} in ${file.path}:${line}`;
  }

  private emit(file: JsFile, node: Node, messageId: string, confidence: 'low' | undefined, data: Record<string, string>): void {
    const key = `${file.path}:${node.start}:${messageId}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.context.report({ file: file.path, node, messageId, data, ...(confidence ? { confidence } : {}) });
  }
}

function describeKinds(all: PersonalKind[]): string {
  // A bare `address` next to a wallet address is that wallet address.
  const kinds = all.includes('wallet address') ? all.filter((kind) => kind !== 'address') : all;
  if (kinds.length === 1) return kinds[0];
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

