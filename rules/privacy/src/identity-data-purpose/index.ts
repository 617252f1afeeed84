import { defineRule, type BxmlDocument, type BxmlElement } from '@bmplint/core';
import { descendants, isField, nearbyLabel, scriptOfTemplate, staticValue } from '../bxml.js';
import { jsxAttribute, jsxName, type NodeOf } from '../js.js';
import { words } from '../names.js';

type Kind = 'national ID number' | 'passport number' | 'real name' | 'emergency contact' | 'phone number' | 'home address';

/** What a field asks for, from its wording (English and Simplified Chinese), most specific first. */
const KINDS: Array<[Kind, RegExp]> = [
  ['emergency contact', /紧急联系|emergency[\s_-]*contact/i],
  ['national ID number', /身份证|证件号|身份号|公民身份|\bid[\s_-]*card\b|\bnational[\s_-]*id\b|\bidentity[\s_-]*(?:card|number|no)\b|\bid[\s_-]*(?:number|no)\b|\bssn\b|social[\s_-]*security|\bidcard\b/i],
  ['passport number', /护照|passport/i],
  ['real name', /真实姓名|实名|姓名|收货人|联系人|\breal[\s_-]*name\b|\bfull[\s_-]*name\b|\blegal[\s_-]*name\b|\b(?:first|last|given|family)[\s_-]*name\b|\bsurname\b/i],
  ['phone number', /手机|电话|联系方式|\bphone\b|\bmobile\b|\btel(?:ephone)?\b/i],
  // A bare "address" in English is as often a wallet's: only a qualified one is where the user lives.
  ['home address', /详细地址|住址|家庭地址|居住地|所在地区|收货地址|地址|\b(?:home|street|postal|residential|mailing|shipping|delivery)[\s_-]*address\b|\baddress[\s_-]*line\b/i],
];
/** A blockchain or e-mail address is not where the user lives. */
const NOT_HOME = /wallet|contract|token|chain|0x|email|e-mail|mail[\s_-]*box|钱包|合约|提币|充值|币|链|邮箱|网址|链接|url|ip/i;
/** Kinds whose purpose an order or invoice form states by being one: a name, phone and address to deliver or invoice to. */
const DELIVERY_KINDS = new Set<Kind>(['real name', 'phone number', 'home address']);
const DELIVERY = /收货|配送|快递|邮寄|寄送|发货|送货|发票|\bshipping\b|\bdeliver(?:y|ed)?\b|\bconsignee\b|\brecipient\b|\binvoice\b/i;
/** A search box ("搜索门店名称、地址") asks for a query, not the user's data. */
const SEARCH = /搜索|查找|\bsearch\b/i;
/** A page that uses a number or place on the device (dial it, show it on a map, save it as a contact) and sends nothing. */
const USED_ON_DEVICE = /\b(?:makePhoneCall|openLocation|addPhoneContact)\b/;
const SENDS = /\b(?:request|uploadFile)\b/;
/** Text that tells the user why the data is asked for, or links a privacy notice. */
const PURPOSE = /隐私|个人信息|用途|用于|仅用|以便|便于|方便(?:我们|与您)|为了|(?:需要|需)(?:校验|验证|核实|认证)|授权|协议|声明|privacy|purpose|personal (?:data|information)|\bused?\s+(?:only\s+)?(?:to|for)\b|\bso that we\b|\bin order to\b|\bwhy we (?:ask|need)\b|\bwe (?:need|use|ask)\b|\bconsent\b|\bterms\b|\b(?:saved|stored|kept) (?:on|in) (?:this|your) (?:device|phone)\b|\bstored locally\b|(?:仅|只)?(?:保存|存储)在(?:本机|本地|您的设备)/i;
/** React field components: `<Input>`, `<Textarea>`, `<Field>`. */
const JSX_FIELD = /^(?:input|textarea|deprecatedinput|field|textfield|inputitem)$/i;
/** Custom components that are input fields: `<van-field>`, `<t-input>`, `<input-item>`. */
const FIELD_COMPONENT = /(?:^|-)(?:input|field|textarea)(?:-|$)|^input-item$/;

export default defineRule({
  meta: {
    id: 'privacy/identity-data-purpose',
    clauses: ['5.2.1', '5.2.9'],
    severity: 'warning',
    suppressible: true,
    confidence: 'medium',
    subject: ['kinds'],
    docs: { description: 'A form that asks for identity or contact data (real name, national ID or passport number, emergency contacts, phone number, home address) with no text on the page saying what it is used for or linking a privacy notice.' },
    messages: {
      noPurpose: 'This form asks for {{kinds}} and nothing on the page says what it is used for: tell the user the purpose and scope before collecting it (a line next to the form, or a link to the privacy notice), and ask only for what the service needs (5.2.1, 5.2.9).',
    },
  },
  create(context) {
    /** JSX identity fields of the script being walked, reported together when its walk ends. */
    let jsxFields: Array<{ element: NodeOf<'JSXElement'>; kind: Kind }> | undefined;
    return {
      bxml: {
        document(document: BxmlDocument) {
          const text = (context.file?.text ?? '').replace(/<!--[\s\S]*?-->/g, ' ');
          if (PURPOSE.test(text)) return;
          const script = scriptOfTemplate(context.project, context.file?.path)?.text;
          if (script && USED_ON_DEVICE.test(script) && !SENDS.test(script)) return;
          // An address book page (`pages/ucenter/addressAdd`) is a delivery form by what it is.
          const delivery = DELIVERY.test(text) || /address|shipping|consignee|receiver|收货/i.test(context.file?.path ?? '');
          let first: BxmlElement | undefined;
          const kinds = new Set<Kind>();
          for (const element of descendants(document as unknown as BxmlElement)) {
            if (!isField(element) && !FIELD_COMPONENT.test(element.name)) continue;
            if (staticValue(element, 'confirm-type') === 'search' || SEARCH.test(staticValue(element, 'placeholder') ?? '')) continue;
            const kind = kindOf(element);
            if (!kind || (delivery && DELIVERY_KINDS.has(kind))) continue;
            first ??= element;
            kinds.add(kind);
          }
          if (!first) return;
          context.report({ node: first, messageId: 'noPurpose', data: { kinds: listOf(kinds) } });
        },
      },
      js: {
        JSXElement(element) {
          if (!JSX_FIELD.test(jsxName(element))) return;
          const kind = jsxKindOf(element);
          if (kind) (jsxFields ??= []).push({ element, kind });
        },
        'Program:exit'() {
          const fields = jsxFields;
          jsxFields = undefined;
          if (!fields?.length || PURPOSE.test(context.file?.text ?? '')) return;
          const delivery = DELIVERY.test(context.file?.text ?? '') || /address|shipping|consignee|receiver/i.test(context.file?.path ?? '');
          const kept = fields.filter((field) => !(delivery && DELIVERY_KINDS.has(field.kind)));
          if (!kept.length) return;
          context.report({ node: kept[0].element.openingElement, messageId: 'noPurpose', data: { kinds: listOf(new Set(kept.map((field) => field.kind))) } });
        },
      },
    };
  },
});

function listOf(kinds: ReadonlySet<Kind>): string {
  const list = [...kinds];
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
}

/** What a React field asks for: its type, placeholder, label, title and name. */
function jsxKindOf(element: NodeOf<'JSXElement'>): Kind | undefined {
  const text = (name: string) => {
    const value = jsxAttribute(element, name)?.value;
    return typeof value === 'string' ? value : '';
  };
  if (text('type').toLowerCase() === 'idcard') return 'national ID number';
  if (/搜索|查找|\bsearch\b/i.test(text('placeholder')) || text('confirmType') === 'search') return undefined;
  const wording = [text('placeholder'), text('label'), text('title'), text('aria-label'), words(text('name')).join(' ')].filter(Boolean).join(' ');
  return kindOfWording(wording);
}

/** What a field asks for: from its type, its own wording, its name, its label and the titles of the groups around it. */
function kindOf(element: BxmlElement): Kind | undefined {
  if (staticValue(element, 'type')?.toLowerCase() === 'idcard') return 'national ID number';
  const name = [staticValue(element, 'name'), staticValue(element, 'id'), staticValue(element, 'data-field')].filter(Boolean).map((value) => words(value!).join(' '));
  const wording = [
    staticValue(element, 'placeholder'), staticValue(element, 'label'), staticValue(element, 'title'), staticValue(element, 'aria-label'),
    ...name, nearbyLabel(element), groupTitle(element),
  ].filter(Boolean).join(' ');
  return kindOfWording(wording);
}

function kindOfWording(wording: string): Kind | undefined {
  for (const [kind, pattern] of KINDS) {
    if (!pattern.test(wording)) continue;
    if (kind === 'home address' && NOT_HOME.test(wording)) return undefined;
    return kind;
  }
  return undefined;
}

/** The label of a form item around a field: `<t-form-item label="姓名"><t-input/></t-form-item>`. */
function groupTitle(element: BxmlElement): string {
  const parent = element.parent;
  if (parent.type !== 'element' || parent.children.filter((child) => child.type === 'element').length > 2) return '';
  return [staticValue(parent, 'label'), staticValue(parent, 'title')].filter(Boolean).join(' ');
}
