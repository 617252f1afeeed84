import type { Node, Statement } from '@babel/types';
import type { JsFile } from '../parse/source-file.js';
import { walkJs } from './walk.js';

/** Offsets of code that can never run. */
export interface DeadSpan {
  start: number;
  end: number;
  /** The statement that ends the block before it. */
  after: 'return' | 'throw' | 'break' | 'continue';
}

/**
 * Statements after an unconditional `return`, `throw`, `break` or `continue` in the same block
 * (`toLive() { return; … }`): they never run. A function declaration there is left out, since it
 * is hoisted and can still be called.
 */
export function statementsAfterExit(script: JsFile): DeadSpan[] {
  if (!script.ast) return [];
  const spans: DeadSpan[] = [];
  walkJs(script.ast, {
    enter(node: Node) {
      const list = node.type === 'BlockStatement' ? node.body : node.type === 'SwitchCase' ? node.consequent : undefined;
      if (!list) return;
      const exit = list.findIndex((statement) => EXITS[statement.type] !== undefined);
      if (exit < 0) return;
      const after = EXITS[list[exit]!.type]!;
      for (const statement of list.slice(exit + 1)) {
        if (statement.type === 'FunctionDeclaration' || statement.start == null || statement.end == null) continue;
        spans.push({ start: statement.start, end: statement.end, after });
      }
    },
  });
  return spans;
}

const EXITS: Partial<Record<Statement['type'], DeadSpan['after']>> = { ReturnStatement: 'return', ThrowStatement: 'throw', BreakStatement: 'break', ContinueStatement: 'continue' };
