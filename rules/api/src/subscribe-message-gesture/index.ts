import { defineRule } from '@bmplint/core';
import { describePath, flowOf, isFunction, memberName, NON_GESTURE_EVENTS, unwrap, type Call, type Node, type Trigger } from '@bmplint/core';
import { bnSites } from '../sites.js';

const API = 'requestSubscribeMessage';
/** Array methods whose callback runs once per element. */
const ITERATORS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'from']);
const TIMERS = new Set(['setInterval']);
/** Framework hooks that follow a user action (pull to refresh, tab tap, share): not reported. */
const USER_HOOKS = new Set([
  'onPullDownRefresh', 'onTabItemTap', 'onShareAppMessage', 'onShareTimeline', 'onAddToFavorites',
  'usePullDownRefresh', 'useTabItemTap', 'useShareAppMessage', 'useShareTimeline', 'useAddToFavorites',
]);

/** How the flow reached a call: from a user gesture or not, and whether through a loop. */
type Origin = 'gesture' | 'lifecycle' | 'automatic';

export default defineRule({
  meta: {
    id: 'api/subscribe-message-gesture',
    clauses: ['4.5'],
    severity: 'warning',
    suppressible: true,
    // The hook follows taps across files (core's flow analysis): it reads ASTs.
    projectInput: 'asts',
    treesRead: ['js', 'bxml'],
    // No js visitors (they would force a walk of every file on every run), yet it checks scripts.
    checksScripts: true,
    confidence: 'medium',
    docs: { description: 'bn.requestSubscribeMessage must be asked from a user tap, once: not from a lifecycle hook, an automatic event, a loop or a timer.' },
    messages: {
      fromLifecycle: '{{api}} is called from the lifecycle hook {{trigger}} ({{path}}), without a user gesture: ask for subscriptions only when the user taps a control that asks for them (4.5).',
      withoutGesture: '{{api}} is called from {{trigger}} ({{path}}), which fires without the user tapping anything: ask for subscriptions from a tap handler (4.5).',
      inLoop: '{{api}} is called {{where}}: every call is a subscription prompt; ask once, from a tap, with all template ids in tmplIds (4.5).',
    },
  },
  create(context) {
    return {
      // No file visitors: the calls come from each file's scan (kept per file content), so the
      // rule forces no walks; the hook follows the flow from every trigger (ASTs, across files).
      project(project) {
        const calls = bnSites(project).filter((site) => site.call.name === API);
        if (!calls.length) return;
        const flow = flowOf(project);
        const automatic = new Map<Call, { trigger: Trigger; path: readonly string[]; origin: Origin }>();
        const looped = new Map<Call, { where: string; path: readonly string[] }>();
        const starts = flow.triggers().map((trigger) => ({ trigger, state: `${originOf(trigger)}|` }));
        flow.exploreEach(
          'api/subscribe-message-gesture',
          starts,
          () => (state, site) => {
            if (state.includes('|in ')) return state;
            const where = loopContext(site.node, site.ancestors);
            return where ? `${state.slice(0, state.indexOf('|'))}|${where}` : state;
          },
          (site, state, trigger, path) => {
            if (site.bn.name !== API) return;
            const [origin, where] = state.split('|') as [Origin, string];
            if (origin !== 'gesture' && (!automatic.has(site.node) || (origin === 'lifecycle' && automatic.get(site.node)!.origin !== 'lifecycle'))) {
              automatic.set(site.node, { trigger, path, origin });
            }
            if (where && !looped.has(site.node)) looped.set(site.node, { where, path });
          },
        );
        for (const { file, call, ancestors } of calls) {
          const api = call.spelling === 'alias' ? `${API}()` : `bn.${API}`;
          const local = loopContext(call.node, ancestors);
          const viaFlow = looped.get(call.node);
          if (local || viaFlow) {
            const where = local ?? `${viaFlow!.where} (${describePath(viaFlow!.path)})`;
            context.report({ file: file.path, node: call.node, messageId: 'inLoop', data: { api, where } });
          }
          const auto = automatic.get(call.node);
          if (auto) {
            context.report({
              file: file.path,
              node: call.node,
              messageId: auto.origin === 'lifecycle' ? 'fromLifecycle' : 'withoutGesture',
              data: { api, trigger: auto.trigger.label, path: describePath([...auto.path, api]) },
            });
          }
        }
      },
    };
  },
});

function originOf(trigger: Trigger): Origin {
  if (trigger.kind === 'lifecycle') return 'lifecycle';
  if (trigger.kind === 'hook') return USER_HOOKS.has(trigger.name) ? 'gesture' : 'automatic';
  return NON_GESTURE_EVENTS.has(trigger.name) ? 'automatic' : 'gesture';
}

/** `in a for loop`, `in a forEach callback`, `in a setInterval callback` when `node` repeats. */
export function loopContext(node: Node, ancestors: readonly Node[]): string | undefined {
  let child: Node = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    switch (parent.type) {
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        if (child === parent.body) return `in a ${LOOP_NAMES[parent.type]} loop`;
        break;
      case 'CallExpression':
      case 'OptionalCallExpression': {
        if (!isFunction(child) || !parent.arguments.includes(child as never)) break;
        const callee = unwrap(parent.callee);
        const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
        if (!name) break;
        if (TIMERS.has(name)) return `in a ${name} callback`;
        if (ITERATORS.has(name) && callee.type !== 'Identifier') return `in a ${name} callback`;
        break;
      }
      default:
        break;
    }
    child = parent;
  }
  return undefined;
}

const LOOP_NAMES: Record<string, string> = {
  ForStatement: 'for',
  ForInStatement: 'for…in',
  ForOfStatement: 'for…of',
  WhileStatement: 'while',
  DoWhileStatement: 'do…while',
};
