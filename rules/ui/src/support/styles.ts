import { dirnameOf, joinPath, staticAttributeValue, getAttribute, type BxmlElement, type BxssFile, type Project } from '@bmplint/core';

type CssRoot = NonNullable<BxssFile['root']>;
type CssChild = CssRoot['nodes'][number];

/** One selector's last compound (`.popup .mask.show` → classes mask, show) and its declarations. */
interface StyleRule {
  classes: string[];
  ids: string[];
  tag?: string;
  declarations: Array<[string, string]>;
}

/** The computed-enough style of an element: the declarations of the rules whose last compound it matches, and its inline style. */
export type Declarations = Map<string, string>;

const MAX_IMPORTS = 16;

/**
 * A stylesheet's class and id rules and its `@import`s, in source order (an import's rules come
 * where it stands), read once per parsed file: app.bxss styles every template.
 */
type Sheet = Array<StyleRule | { import: string }>;

const sheets = new WeakMap<BxssFile, Sheet>();

/**
 * Each run's sheets by path: app.bxss styles every template, and a stylesheet's tree is not held
 * for the run (it is parsed for its sheet, `peekParsed`).
 */
const sheetsByRun = new WeakMap<Project, Map<string, Sheet | undefined>>();

function sheetAt(project: Project, path: string): Sheet | undefined {
  let byPath = sheetsByRun.get(project);
  if (!byPath) sheetsByRun.set(project, (byPath = new Map()));
  if (byPath.has(path)) {
    // Still a read of the file: the walked file's result depends on it.
    project.markRead(path);
    return byPath.get(path);
  }
  const file = project.peekParsed(path);
  const sheet = file?.kind === 'bxss' && file.root ? sheetOf(file) : undefined;
  byPath.set(path, sheet);
  return sheet;
}

function sheetOf(file: BxssFile): Sheet {
  let sheet = sheets.get(file);
  if (sheet) return sheet;
  sheet = [];
  sheets.set(file, sheet);
  const nodes: readonly CssChild[] = file.root?.nodes ?? [];
  // @media and @supports blocks still style the element; nesting can be deep, so no recursion.
  const stack: CssChild[] = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'atrule') {
      if (node.name === 'import') {
        const specifier = /^\s*(?:url\()?\s*["']?([^"')\s]+)["']?\s*\)?/.exec(node.params)?.[1];
        if (specifier) sheet.push({ import: specifier });
      } else if (node.nodes && !/keyframes$/i.test(node.name)) {
        for (let i = node.nodes.length - 1; i >= 0; i--) stack.push(node.nodes[i]);
      }
      continue;
    }
    if (node.type !== 'rule') continue;
    const declarations: Array<[string, string]> = [];
    for (const child of node.nodes) if (child.type === 'decl') declarations.push([child.prop.toLowerCase(), child.value.trim().toLowerCase()]);
    if (!declarations.length) continue;
    for (const selector of node.selectors) {
      const compound = lastCompound(selector);
      if (compound) sheet.push({ ...compound, declarations });
    }
  }
  return sheet;
}

/**
 * The class and id rules that style a template: its own `.bxss` beside it and the app's `app.bxss`
 * (each with the files it `@import`s). Matching is by the last compound selector only, with no
 * pseudo-classes: enough to tell how an element with a class is positioned.
 */
export class TemplateStyles {
  private readonly rules: StyleRule[] = [];

  constructor(project: Project, templatePath: string) {
    const seen = new Set<string>();
    const load = (path: string) => {
      if (seen.has(path) || seen.size > MAX_IMPORTS || !project.bundle.has(path)) return;
      seen.add(path);
      const sheet = sheetAt(project, path);
      if (!sheet) return;
      for (const entry of sheet) {
        if (!('import' in entry)) {
          this.rules.push(entry);
          continue;
        }
        const specifier = entry.import;
        const target = specifier.startsWith('/') ? joinPath(project.appRoot.replace(/\/$/, ''), specifier.slice(1)) : joinPath(dirnameOf(path), specifier);
        if (target) load(target);
      }
    };
    load(`${project.appRoot}app.bxss`);
    load(templatePath.replace(/\.bxml$/, '.bxss'));
  }

  /** Rule indexes by a class or id they need (`.a.b` under `a`), so an element looks only at rules that can match it. */
  private byName?: Map<string, number[]>;
  /** Elements repeat the same tag, classes and id: each combination is matched once. */
  private readonly cache = new Map<string, Declarations>();

  /** The declarations that apply to the element (later rules win), then its static inline style. */
  declarationsOf(element: BxmlElement, classes: readonly string[]): Declarations {
    const id = staticAttributeValue(getAttribute(element, 'id'))?.trim();
    const key = `${element.name}\0${id ?? ''}\0${[...new Set(classes)].sort().join(' ')}`;
    let matched = this.cache.get(key);
    if (!matched) {
      matched = this.match(element.name, id, classes);
      if (this.cache.size > 4096) this.cache.clear();
      this.cache.set(key, matched);
    }
    const inline = inlineStyle(element);
    if (!inline.length) return matched;
    const out = new Map(matched);
    for (const [prop, value] of inline) out.set(prop, value);
    return out;
  }

  private match(tag: string, id: string | undefined, classes: readonly string[]): Declarations {
    if (!this.byName) {
      this.byName = new Map();
      this.rules.forEach((rule, index) => {
        const name = rule.ids.length ? `#${rule.ids[0]}` : rule.classes.length ? `.${rule.classes[0]}` : undefined;
        if (!name) return;
        const list = this.byName!.get(name);
        if (list) list.push(index);
        else this.byName!.set(name, [index]);
      });
    }
    const classSet = new Set(classes);
    const indexes = new Set<number>();
    for (const name of [...classSet].map((each) => `.${each}`).concat(id ? [`#${id}`] : [])) for (const index of this.byName.get(name) ?? []) indexes.add(index);
    const out: Declarations = new Map();
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const rule = this.rules[index];
      if (rule.tag && rule.tag !== tag) continue;
      if (!rule.classes.every((name) => classSet.has(name))) continue;
      if (!rule.ids.every((name) => name === id)) continue;
      for (const [prop, value] of rule.declarations) out.set(prop, value);
    }
    return out;
  }
}

/** `.a .b.c` → the classes, ids and tag of `.b.c`; undefined for pseudo-classes or elements (`:hover`, `::after`). */
function lastCompound(selector: string): Omit<StyleRule, 'declarations'> | undefined {
  const parts = selector.trim().split(/\s*[>+~]\s*|\s+/).filter(Boolean);
  const last = parts[parts.length - 1];
  if (!last || last.includes(':') || last.includes('[')) return undefined;
  const classes = [...last.matchAll(/\.([\w-]+)/g)].map((match) => match[1]);
  const ids = [...last.matchAll(/#([\w-]+)/g)].map((match) => match[1]);
  const tag = /^[a-z][\w-]*/i.exec(last)?.[0]?.toLowerCase();
  return { classes, ids, tag };
}

/** The static declarations of a `style="…"` attribute (parts holding a `{{ }}` binding are left out). */
export function inlineStyle(element: BxmlElement): Array<[string, string]> {
  const style = getAttribute(element, 'style');
  if (!style?.value) return [];
  const out: Array<[string, string]> = [];
  for (const part of style.value.split(';')) {
    if (part.includes('{{')) continue;
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    out.push([part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase()]);
  }
  return out;
}

const ZERO = /^-?0(?:\.0+)?(?:px|rpx|%|vh|vw|rem|em)?$/;
const FULL_WIDTH = /^(?:100(?:\.0+)?(?:%|vw)|750rpx)$/;
const FULL_HEIGHT = /^100(?:\.0+)?(?:%|vh)$/;

const strip = (value: string | undefined) => value?.replace(/\s*!important$/, '').trim();

/** `position: fixed` covering the whole screen (inset 0, or zero edges, or 100% sizes) above other content (z-index). */
export function isFullScreenOverlay(style: Declarations): boolean {
  if (strip(style.get('position')) !== 'fixed' || style.get('z-index') === undefined) return false;
  const inset = strip(style.get('inset'));
  if (inset && inset.split(/\s+/).every((part) => ZERO.test(part))) return true;
  const zero = (prop: string) => ZERO.test(strip(style.get(prop)) ?? '');
  const horizontal = (zero('left') && zero('right')) || FULL_WIDTH.test(strip(style.get('width')) ?? '');
  const vertical = (zero('top') && zero('bottom')) || FULL_HEIGHT.test(strip(style.get('height')) ?? '');
  return horizontal && vertical;
}

/** A bar pinned to the top of the screen across its whole width, as an OS status bar or notification banner is. */
export function isTopBar(style: Declarations): boolean {
  const position = strip(style.get('position'));
  if (position !== 'fixed' && position !== 'absolute' && position !== 'sticky') return false;
  const top = strip(style.get('top')) ?? strip(style.get('inset'))?.split(/\s+/)[0];
  if (top === undefined || !/^(?:-?0|[0-9.]+(?:px|rpx))$/.test(top)) return false;
  const value = parseFloat(top) || 0;
  if (value > (top.endsWith('rpx') ? 200 : 100)) return false;
  const zero = (prop: string) => ZERO.test(strip(style.get(prop)) ?? '');
  return (zero('left') && zero('right')) || FULL_WIDTH.test(strip(style.get('width')) ?? '') || (strip(style.get('inset')) ?? '').split(/\s+/).length >= 2;
}
