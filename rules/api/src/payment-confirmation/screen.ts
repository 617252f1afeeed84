/**
 * The on-screen confirmation heuristic: a tap on a "Confirm"/"Pay" control of a page that shows an
 * amount is the user confirming the payment on screen, the way a checkout page works.
 */
import { elementsOf, eventOfAttribute, walkJs, type BxmlDocument, type BxmlElement, type BxmlFile, type JsFile, type Project, type UnitFiles } from '@bmplint/core';
import { sourceText, type Node, type Trigger } from '@bmplint/core';

/** Zero-width and bidi marks that can split a word without showing. */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u202a-\u202e]/g;

/** NFKC, invisible marks removed, camelCase split (`totalAmount` → `total Amount`), lower-cased. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A control label that confirms or pays (English and Simplified Chinese): "Confirm", "Pay now", "Start payment", "Buy", "Place order", "Donate", "立即支付", "提交订单". */
export const CONFIRM_LABEL = /(?<![\p{L}\p{N}])(?:confirm(?:ed)?|pay(?: now)?|payment|checkout|check out|buy(?: now)?|purchase|place order|submit order|donate|top up)(?![\p{L}\p{N}])|确认|确定|支付|付款|结算|购买|下单|提交订单|充值|打赏|赞赏|捐赠/u;

/** Text that shows what the user pays: a price/amount/total word or an amount with a currency. */
export const AMOUNT_TEXT = new RegExp([
  '(?<![\\p{L}\\p{N}])(?:prices?|amounts?|total|subtotal|costs?|fees?|to pay)(?![\\p{L}])',
  '价格|金额|合计|总计|总价|应付|实付|费用',
  '\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?\\s*(?:usdt|usdc|fdusd|busd|bnb|btc|eth|usd|eur|cny)(?![\\p{L}])',
  '[$€£¥￥]\\s*(?:\\d|\\{\\{)',
  // `{{order.total}} USDT`, `{{item}} 元`: an amount bound from data, with its currency.
  '(?:\\d|\\}\\})\\s*(?:元|(?:usdt|usdc|fdusd|busd|bnb|btc|eth|usd|eur|cny)(?![\\p{L}]))',
].join('|'), 'u');

/** An amount with its currency (not a bare "price" word, which a label does not pay). */
const CURRENCY_AMOUNT = /[$€£¥￥]\s*\d|\d\s*(?:元|(?:usdt|usdc|fdusd|busd|bnb|btc|eth|usd|eur|cny)(?![\p{L}]))/u;

/** A label that asks to pay in so many words ("Pay", "Retry payment", "重新付款"), unlike "Buy" or "Confirm". */
const PAY_LABEL = /(?<![\p{L}\p{N}])(?:pay(?: now| again)?|payment|checkout|check out)(?![\p{L}\p{N}])|支付|付款|结算|充值/u;

export const showsAmount = (text: string) => AMOUNT_TEXT.test(foldText(text));
export const isConfirmLabel = (text: string) => CONFIRM_LABEL.test(foldText(text));

/** Texts by element or document, kept with the file's parse (the flow rules ask on every run). */
const bxmlTexts = new WeakMap<BxmlDocument | BxmlElement, string>();
const jsxTexts = new WeakMap<Node, string>();

/** The text a template element (or document) shows, `{{ }}` bindings included as written. */
export function bxmlText(root: BxmlDocument | BxmlElement): string {
  let text = bxmlTexts.get(root);
  if (text === undefined) bxmlTexts.set(root, (text = textOf(root)));
  return text;
}

function textOf(root: BxmlDocument | BxmlElement): string {
  const parts: string[] = [];
  // In document order: "￥" then "{{ money }}" reads as an amount only in that order.
  const stack = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data);
    else if (node.type === 'element' && node.name !== 'bns') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      // A button's label may be its value (`<input type="button" value="Pay">`).
      const value = node.attributes.find((attribute) => attribute.name === 'value' && node.name === 'input');
      if (value?.value) parts.push(value.value);
    }
  }
  if (root.type === 'element') {
    const value = root.attributes.find((attribute) => attribute.name === 'value' && root.name === 'input');
    if (value?.value) parts.push(value.value);
  }
  return parts.join(' ');
}

/** The text JSX shows: its text, and the code of `{…}` children (labels often come from `t('pay')`). */
export function jsxText(file: JsFile, root: Node): string {
  let text = jsxTexts.get(root);
  if (text === undefined) jsxTexts.set(root, (text = jsxTextOf(file, root)));
  return text;
}

function jsxTextOf(file: JsFile, root: Node): string {
  const parts: string[] = [];
  walkJs(root, {
    enter(node, ancestors) {
      if (node.type === 'JSXText') parts.push(node.value);
      else if (node.type === 'JSXExpressionContainer') {
        const parent = ancestors[ancestors.length - 1];
        if (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment') parts.push(sourceText(file, node.expression));
        return false;
      }
      else if (node.type === 'JSXAttribute') return false;
    },
  });
  return parts.join(' ');
}

const CONFIRM_EVENTS = new Set(['tap', 'click', 'submit', 'confirm', 'longpress', 'longtap', 'touchend']);

/** Decides whether a trigger is an on-screen confirmation, per page (cached). */
export class Screens {
  private readonly pageTexts = new Map<string, string>();
  private readonly fileTexts = new Map<string, string>();

  constructor(private readonly project: Project) {}

  /** A tap on a confirm/pay control of a page (or custom component) that shows an amount. */
  isConfirmation(trigger: Trigger): boolean {
    const element = trigger.element;
    if (!element || trigger.kind !== 'event') return false;
    if (element.kind === 'jsx') {
      if (!CONFIRM_EVENTS.has(trigger.name)) return false;
      return isConfirmLabel(jsxText(element.file, element.node)) && showsAmount(this.fileText(element.file));
    }
    // A tap on a control labelled as paying, on a page that shows the amount: a checkout page,
    // whether the control is a plain element or a component (`<van-button bind:click>立即支付`).
    if (CONFIRM_EVENTS.has(trigger.name) && isConfirmLabel(bxmlText(element.element)) && showsAmount(`${bxmlText(element.element)} ${this.pageText(element.file, element.unit)}`)) return true;
    const component = this.componentTemplate(element.unit, element.element.name);
    if (component) {
      // `<pay-sheet bindconfirm="pay">`: the component is the confirmation when it shows a confirm
      // control, and the amount is on screen (in the component or around it).
      return !NON_CONFIRM.has(trigger.name) && hasConfirmControl(component)
        && (showsAmount(bxmlText(component.document)) || showsAmount(this.pageText(element.file, element.unit)));
    }
    if (!CONFIRM_EVENTS.has(trigger.name)) return false;
    return isConfirmLabel(bxmlText(element.element)) && showsAmount(this.pageText(element.file, element.unit));
  }

  /**
   * A tap on a control labelled as paying ("重新付款", "Pay again") or stating the price
   * ("Upgrade to VIP for 9.99 USDT", "投喂 ￥1"), that is not a confirmation by the rules above:
   * the user asked to pay in so many words, or saw what they pay (and a retry after a failed
   * payment had the amount on screen before), so a finding about it is not certain.
   */
  isPayControl(trigger: Trigger): boolean {
    const element = trigger.element;
    if (!element || trigger.kind !== 'event' || !CONFIRM_EVENTS.has(trigger.name)) return false;
    const label = foldText(element.kind === 'jsx' ? jsxText(element.file, element.node) : bxmlText(element.element));
    return PAY_LABEL.test(label) || CURRENCY_AMOUNT.test(label);
  }

  /** `<navigator url>` links of every page and component, with whether each is a confirmation. */
  navigators(): Array<{ route: string; confirmed: boolean }> {
    const out: Array<{ route: string; confirmed: boolean }> = [];
    const units: UnitFiles[] = [...this.project.pages.map((page) => page.files), ...this.project.componentUses.map((use) => use.files)];
    const seen = new Set<string>();
    for (const unit of units) {
      if (!unit.template || seen.has(unit.template)) continue;
      seen.add(unit.template);
      const template = this.project.parsed(unit.template);
      if (template?.kind !== 'bxml') continue;
      for (const element of navigatorsIn(template.document)) {
        const url = element.attributes.find((attribute) => attribute.name === 'url');
        const target = element.attributes.find((attribute) => attribute.name === 'target')?.value;
        if (!url?.value || url.expressions.length || (target && target !== 'self')) continue;
        const route = this.project.routeOfUrl(url.value, template.path);
        if (!route) continue;
        out.push({ route, confirmed: isConfirmLabel(bxmlText(element)) && showsAmount(this.pageText(template, unit)) });
      }
    }
    return out;
  }

  private componentTemplate(unit: UnitFiles, tag: string): BxmlFile | undefined {
    const use = this.project.componentUses.find((candidate) => candidate.tag === tag && candidate.from === (unit.config ?? ''));
    const path = use?.files.template;
    const parsed = path ? this.project.parsed(path) : undefined;
    return parsed?.kind === 'bxml' ? parsed : undefined;
  }

  /** The page template's text and that of the components it uses (one level). */
  private pageText(template: BxmlFile, unit: UnitFiles): string {
    let text = this.pageTexts.get(template.path);
    if (text === undefined) {
      const parts = [bxmlText(template.document)];
      for (const use of this.project.componentUses) {
        if (use.from !== unit.config || !use.files.template) continue;
        const parsed = this.project.parsed(use.files.template);
        if (parsed?.kind === 'bxml') parts.push(bxmlText(parsed.document));
      }
      text = parts.join(' ');
      this.pageTexts.set(template.path, text);
    }
    return text;
  }

  private fileText(file: JsFile): string {
    let text = this.fileTexts.get(file.path);
    if (text === undefined) {
      text = file.ast ? jsxText(file, file.ast) : '';
      this.fileTexts.set(file.path, text);
    }
    return text;
  }
}

const navigatorElements = new WeakMap<BxmlDocument, BxmlElement[]>();

/** A template's `<navigator>` elements, found once per file content. */
function navigatorsIn(document: BxmlDocument): BxmlElement[] {
  let found = navigatorElements.get(document);
  if (!found) navigatorElements.set(document, (found = [...elementsOf(document)].filter((element) => element.name === 'navigator')));
  return found;
}

const NON_CONFIRM = new Set(['cancel', 'close', 'error', 'load', 'change', 'input']);

/** A component template with a tap-bound control labelled confirm/pay. */
function hasConfirmControl(template: BxmlFile): boolean {
  for (const element of elementsOf(template.document)) {
    const bound = element.attributes.some((attribute) => {
      const event = eventOfAttribute(attribute.name);
      return !!event && CONFIRM_EVENTS.has(event.toLowerCase());
    });
    if (bound && isConfirmLabel(bxmlText(element))) return true;
  }
  return false;
}
