import {
  defineRule, elementsOf, eventOfAttribute, normalizedOf, TermMatcher, validateTermList, walkJs,
  type BxmlElement, type BxmlFile, type JsFile, type Node, type Project, type ReportTarget, type TermList,
} from '@bmplint/core';
import { LISTS, topicOf } from '../lists.js';
import { excerpt, listingPieces, scanPiece } from '../scan.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
import featuresEn from './data/binance-features.en.json' with { type: 'json' };
import featuresZh from './data/binance-features.zh-Hans.json' with { type: 'json' };
import labelsEn from './data/binance-feature-labels.en.json' with { type: 'json' };
import labelsZh from './data/binance-feature-labels.zh-Hans.json' with { type: 'json' };

/** The rule's term lists by file name (`<topic>.<language>.json`; a new language is a new file here). */
export const DATA_FILES: Record<string, unknown> = {
  'binance-features.en.json': featuresEn,
  'binance-features.zh-Hans.json': featuresZh,
  'binance-feature-labels.en.json': labelsEn,
  'binance-feature-labels.zh-Hans.json': labelsZh,
};

export const FEATURE_LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/content/src/binance-app-features/data/${name}`));

const CUES = LISTS.filter((list) => topicOf(list) === 'cues');
/** Feature names, anywhere in a text ("Spot trading", "Leverage 100x", "提币"). */
export const FEATURE_WORDING = new TermMatcher(FEATURE_LISTS.filter((list) => list.id.startsWith('binance-features-')), { cues: CUES });
/** One-word section names ("Futures", "合约"), that count only as a whole label. */
export const FEATURE_LABELS = new TermMatcher(FEATURE_LISTS.filter((list) => list.id.startsWith('binance-feature-labels-')));

/** Binance API paths that place orders or move funds: an app calling them is a trading or funding client. */
const TRADING_ENDPOINTS: Array<{ pattern: RegExp; kind: string }> = [
  { pattern: /\/api\/v3\/(order|orderList|openOrders|allOrders|myTrades|openOrderList|allOrderList|sor\/order)(?![A-Za-z])/, kind: 'spot order' },
  { pattern: /\/\/(fapi|dapi)\.binance\.|\/(fapi|dapi)\/v\d+\//, kind: 'futures' },
  { pattern: /\/\/(papi|eapi)\.binance\.|\/(papi|eapi)\/v\d+\//, kind: 'derivatives' },
  { pattern: /\/sapi\/v\d+\/margin\//, kind: 'margin' },
  { pattern: /\/sapi\/v\d+\/futures\//, kind: 'futures' },
  { pattern: /\/sapi\/v\d+\/capital\/(withdraw|deposit)|\/wapi\/v\d+\/(withdraw|depositAddress)/, kind: 'deposit/withdraw' },
];
/** Order book and candlestick data: the market view of a trading terminal (a price ticker is fine). */
const MARKET_DATA = [
  { pattern: /\/api\/v3\/(depth|klines|uiKlines)(?![A-Za-z])|@depth\d*(?![A-Za-z])|(^|\/)(depth|orderbook|order-book|order_book)(\/|\?|$)/i, kind: 'order book' },
  { pattern: /@kline_[0-9a-z]+|(^|\/)(klines?|candles|candlesticks)(\/|\?|$)/i, kind: 'candlestick (kline)' },
];

const WORD = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'iu');
const PRICE = new RegExp(`${WORD('price|limit price|stop price|trigger price').source}|价格|单价|委托价|限价`, 'iu');
const AMOUNT = new RegExp(`${WORD('amount|quantity|qty|size|volume').source}|数量|金额|委托量`, 'iu');
const ADDRESS = new RegExp(`${WORD('address|addr|recipient|wallet address|withdraw address|deposit address').source}|地址`, 'iu');
const BUY_SELL = new RegExp(`${WORD('buy|sell|long|short').source}|买入|卖出|开多|开空|做多|做空`, 'iu');
const WITHDRAW = new RegExp(`${WORD('withdraw|withdrawal|withdrawals').source}|提币|提现`, 'iu');
const DEPOSIT = new RegExp(`${WORD('deposit').source}|充币`, 'iu');
const NETWORK = new RegExp(`${WORD('network|networks|chain|bep20|bep2|erc20|trc20|bsc|mainnet').source}|网络|主网|公链`, 'iu');
/** A crypto trading pair (`BTC/USDT`, `ETHUSDT`, `bnb_btc`). */
const PAIR = /(?<![a-z0-9])(btc|eth|bnb|sol|xrp|doge|ada|trx|ltc|dot|avax|matic|link)\s*[/_-]?\s*(usdt|usdc|fdusd|busd|tusd|dai|btc|eth|bnb)(?![a-z0-9])/i;
const BXML_INPUTS = new Set(['input', 'deprecated-input']);
const JSX_INPUTS = new Set(['Input', 'input']);
const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;

/** `limitPrice` → `limit Price`, `buy_amount` → `buy amount`: words for the field patterns. */
function spaced(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
}

/** An input and the words that name it: its attributes, bound data, handler and the label text beside it. */
interface Field {
  target: ReportTarget;
  text: string;
}

/** What one screen (a template, or a JSX module) shows and asks for. */
interface Screen {
  file: string;
  inputs: Field[];
  /** Visible text and handler names. */
  text: string;
  /** Text where the trading pair may be written (the screen and its script). */
  pairText: string;
  /** The first element whose own text says deposit/充币. */
  deposit?: ReportTarget;
}

export default defineRule({
  meta: {
    id: 'content/binance-app-features',
    clauses: ['2.3.4'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'Mini programs must not duplicate the Binance app: no spot/futures/margin trading (order endpoints, buy/sell order forms for crypto pairs), no deposit/withdraw flows, no wording that offers them.',
    },
    messages: {
      tradingEndpoint: '"{{url}}" is a Binance {{kind}} API endpoint: placing orders, futures, margin and deposit/withdraw are features of the Binance app, which a mini program must not duplicate (2.3.4).',
      marketDataEndpoint: '"{{url}}" reads {{kind}} data, the market view of a trading terminal: check that the app only shows prices and does not rebuild Binance trading (2.3.4).',
      orderForm: 'An order form for {{pair}}: a price input, an amount input and {{action}} controls. Spot or futures trading duplicates the Binance app (2.3.4).',
      withdrawForm: 'A withdrawal form: an address input, an amount input and a network choice. Withdraw flows duplicate the Binance app (2.3.4).',
      depositFlow: 'A deposit screen: a deposit address with a network choice. Deposit flows duplicate the Binance app (2.3.4).',
      featureWording: '{{where}} "{{text}}" offers {{kind}}, a feature of the Binance app that a mini program must not duplicate (2.3.4).',
    },
  },
  create(context) {
    const seen = new Set<string>();
    const report = (file: string, key: string, descriptor: Omit<Parameters<typeof context.report>[0], 'file'>) => {
      if (seen.has(`${file}\0${key}`)) return;
      seen.add(`${file}\0${key}`);
      context.report({ ...descriptor, file });
    };
    const wording = (piece: TextPiece) => {
      if (!piece.text.trim()) return;
      const normalized = normalizedOf(piece.text);
      let matches = scanPiece(FEATURE_WORDING, piece);
      if (!matches.length) {
        // A one-word label counts only when it is the whole text.
        const whole = piece.text.trim();
        const offset = piece.text.indexOf(whole);
        matches = FEATURE_LABELS.scan(piece.text, normalized).filter((match) => match.start === offset && match.end === offset + whole.length);
      }
      for (const match of matches) {
        const span = spanIn(piece, match.start, match.end);
        report(piece.file, `${span.start}:${span.end}`, { span, messageId: 'featureWording', data: { where: piece.where, text: excerpt(match.text), kind: match.entry.note ?? 'trading' } });
      }
    };
    const endpoint = (node: Node, texts: string[]) => {
      const file = context.file;
      if (!file || VENDOR_PATH.test(file.path)) return;
      for (const text of texts) {
        const trading = TRADING_ENDPOINTS.find((entry) => entry.pattern.test(text));
        // Market data only in a path or stream name (`/api/v3/depth`, `btcusdt@kline_1m`), not a bare word.
        const market = trading || !/[/@]/.test(text) ? undefined : MARKET_DATA.find((entry) => entry.pattern.test(text));
        if (!trading && !market) continue;
        const data = { url: excerpt(texts.join('${…}')), kind: (trading ?? market)!.kind };
        report(file.path, `endpoint:${node.start}`, trading
          ? { node, messageId: 'tradingEndpoint', data }
          : { node, messageId: 'marketDataEndpoint', data, confidence: 'low' });
        return;
      }
    };
    /** The order, withdraw and deposit forms of one screen, reported while its file is walked. */
    const screenForms = (screen: Screen) => {
      if (!screen.inputs.length && !screen.deposit) return;
      for (const form of forms(screen)) report(screen.file, form.messageId, { node: form.target, messageId: form.messageId, data: form.data });
    };
    const page = pageTextVisitors(context, wording);
    return {
      ...page,
      bxml: {
        ...page.bxml,
        document() {
          const file = context.file;
          if (file?.kind === 'bxml' && !VENDOR_PATH.test(file.path)) screenForms(templateScreen(context.project, file));
        },
      },
      js: {
        ...page.js,
        Program() {
          // A JSX module's screen; the inline scripts of templates are walked as JS too and are not screens.
          const file = context.file;
          if (file?.kind === 'js' && file.ast && /\.[jt]sx$/.test(file.path) && !VENDOR_PATH.test(file.path)) screenForms(jsxScreen(file));
        },
        StringLiteral(node) {
          const parent = context.ancestors[context.ancestors.length - 1];
          if (parent && /^(Import|Export)/.test(parent.type)) return;
          endpoint(node, [node.value]);
        },
        TemplateLiteral(node) {
          endpoint(node, node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw));
        },
      },
      project(project) {
        page.project(project);
        for (const piece of listingPieces(project)) wording(piece);
      },
    };
  },
});

function forms(screen: Screen): Array<{ messageId: string; target: ReportTarget; data?: Record<string, string> }> {
  const out: Array<{ messageId: string; target: ReportTarget; data?: Record<string, string> }> = [];
  const price = screen.inputs.find((input) => PRICE.test(input.text));
  const amount = screen.inputs.find((input) => input !== price && AMOUNT.test(input.text));
  const address = screen.inputs.find((input) => ADDRESS.test(input.text));
  const action = BUY_SELL.exec(screen.text);
  const pair = PAIR.exec(screen.pairText);
  if (price && amount && action && pair) out.push({ messageId: 'orderForm', target: price.target, data: { pair: `${pair[1].toUpperCase()}/${pair[2].toUpperCase()}`, action: buySellLabel(screen.text) } });
  const network = NETWORK.test(screen.text);
  const otherAmount = screen.inputs.find((input) => input !== address && AMOUNT.test(input.text));
  if (address && otherAmount && network && WITHDRAW.test(screen.text)) out.push({ messageId: 'withdrawForm', target: address.target });
  else if (screen.deposit && network && ADDRESS.test(screen.text) && !WITHDRAW.test(screen.text)) out.push({ messageId: 'depositFlow', target: screen.deposit });
  return out;
}

/** `buy/sell`, `long/short`, `买入/卖出` for the message. */
function buySellLabel(text: string): string {
  const found = ['buy', 'sell', 'long', 'short', '买入', '卖出', '开多', '开空', '做多', '做空'].filter((word) => new RegExp(/^[a-z]/.test(word) ? `(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])` : word, 'iu').test(text));
  return found.join('/');
}

// -------------------------------------------------------------------------------------------------
// Screens

function templateScreen(project: Project, template: BxmlFile): Screen {
  const inputs: Field[] = [];
  const texts: string[] = [];
  const stack = [...template.document.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') texts.push(node.data);
    else if (node.type === 'element' && node.name !== 'bns') stack.push(...node.children);
  }
  let deposit: BxmlElement | undefined;
  for (const element of elementsOf(template.document)) {
    if (!deposit && element.children.some((child) => child.type === 'text' && DEPOSIT.test(child.data))) deposit = element;
    for (const attribute of element.attributes) {
      if (!attribute.value) continue;
      if (eventOfAttribute(attribute.name)) texts.push(spaced(attribute.value));
      else if (attribute.name !== 'class' && attribute.name !== 'style' && !attribute.name.startsWith('bn:')) texts.push(attribute.value);
    }
    if (BXML_INPUTS.has(element.name)) inputs.push({ target: element, text: fieldText(element) });
  }
  // The page's script is read as text (a dependency of the template's cached result), not parsed.
  const script = ['.js', '.ts'].map((extension) => template.path.replace(/\.bxml$/, extension)).map((path) => (project.kindOf(path) === 'js' ? project.textOf(path) : undefined)).find((file) => file !== undefined);
  const text = texts.join('\n');
  return { file: template.path, inputs, text, pairText: `${text}\n${script?.text ?? ''}`, deposit };
}

/** An input's attributes (placeholder, name, bound value, handler, class) and the text of its label: its parent's own text. */
function fieldText(element: BxmlElement): string {
  const parts = element.attributes.map((attribute) => spaced(attribute.value ?? ''));
  const parent = element.parent;
  if (parent.type === 'element') {
    for (const child of parent.children) {
      if (child.type === 'text') parts.push(child.data);
      else if (child.type === 'element' && child !== element && (child.name === 'text' || child.name === 'label')) {
        for (const inner of child.children) if (inner.type === 'text') parts.push(inner.data);
      }
    }
  }
  return parts.join(' ');
}

function jsxScreen(file: JsFile): Screen {
  const inputs: Field[] = [];
  const texts: string[] = [];
  let deposit: ReportTarget | undefined;
  walkJs(file.ast!, {
    enter(node, ancestors) {
      if (node.type === 'JSXText') {
        texts.push(node.value);
        const element = ancestors[ancestors.length - 1];
        if (!deposit && element?.type === 'JSXElement' && DEPOSIT.test(node.value)) deposit = element.openingElement;
      }
      else if (node.type === 'JSXAttribute' && node.value) {
        if (node.value.type === 'StringLiteral') texts.push(node.value.value);
        else if (node.name.type === 'JSXIdentifier' && /^on[A-Z]/.test(node.name.name)) texts.push(spaced(file.text.slice(node.value.start ?? 0, node.value.end ?? 0)));
      } else if (node.type === 'JSXOpeningElement' && node.name.type === 'JSXIdentifier' && JSX_INPUTS.has(node.name.name)) {
        const parts: string[] = [];
        for (const attribute of node.attributes) {
          if (attribute.type === 'JSXAttribute' && attribute.value) parts.push(spaced(file.text.slice(attribute.value.start ?? 0, attribute.value.end ?? 0)));
        }
        // The label beside it: text children of the enclosing element.
        const parent = ancestors[ancestors.length - 2];
        if (parent?.type === 'JSXElement') {
          for (const child of parent.children) {
            if (child.type === 'JSXText') parts.push(child.value);
            else if (child.type === 'JSXElement') for (const inner of child.children) if (inner.type === 'JSXText') parts.push(inner.value);
          }
        }
        inputs.push({ target: node, text: parts.join(' ') });
      }
    },
  });
  const text = texts.join('\n');
  return { file: file.path, inputs, text, pairText: `${text}\n${file.text}`, deposit };
}
