import { defineRule, type BxmlAttribute, type BxmlElement, type Project } from '@bmplint/core';

/** Directive names of the template dialects a mini program is converted from; Binance writes `bn:`. */
const DIRECTIVES = new Set(['if', 'elif', 'else', 'for', 'for-item', 'for-index', 'for-items', 'key']);
/** `wx:if` (WeChat), `a:if` (Alipay), `tt:if` (ByteDance), `qq:`, `jd:`, `s-if` (Baidu). */
const FOREIGN_DIRECTIVE = /^(?:(wx|a|tt|qq|jd|dd|ks):([\w-]+)|s-([\w-]+))$/;
const DIALECT: Record<string, string> = { wx: 'WeChat', a: 'Alipay', tt: 'ByteDance', qq: 'QQ', jd: 'JD', dd: 'DingTalk', ks: 'Kuaishou', s: 'Baidu' };
/** Script-module tags of other dialects; Binance's is `<bns module src>`. */
const FOREIGN_MODULES: Record<string, string> = { 'import-sjs': 'Alipay', wxs: 'WeChat', sjs: 'Alipay', filter: 'Baidu' };
/** Alipay's event attributes: `onTap`, `catchTap` (Binance documents `bindtap`, `catchtap`). */
const ALIPAY_EVENT = /^(on|catch)([A-Z]\w*)$/;

export default defineRule({
  meta: {
    id: 'availability/foreign-template-syntax',
    clauses: ['6.3'],
    severity: 'error',
    suppressible: true,
    docs: { description: 'Template syntax left over from WeChat, Alipay or other platforms (wx:if, <import-sjs>, onTap) that the Binance template compiler does not read: the condition, loop, module or event it was written for does not work.' },
    messages: {
      foreignDirective: '{{attribute}} is a {{dialect}} directive that Binance does not read: the {{directive}} it was written for does not happen, so the element renders as if it had none. Write bn:{{directive}} (6.3).',
      foreignModule: '<{{tag}}> is the {{dialect}} way to load a script module; Binance does not read it, so the template\'s calls into the module fail. Write <bns module="…" src="…"> (6.3).',
      alipayEvent: '{{attribute}}="{{handler}}" is the Alipay way to bind an event. Binance documents {{binding}}; whether {{attribute}} fires is not documented, so the handler may never run. Write {{binding}}="{{handler}}" (6.3).',
    },
    // One entry per kind of leftover (all `onTap`-style bindings, all `wx:` directives…).
    subject: ['kind'],
  },
  create(context) {
    return {
      bxml: {
        element(element) {
          const moduleDialect = FOREIGN_MODULES[element.name];
          if (moduleDialect && (element.name !== 'filter' || element.attributes.some((attribute) => attribute.name === 'module'))) {
            context.report({ node: element, span: { start: element.start, end: element.openEnd }, messageId: 'foreignModule', data: { kind: 'module', tag: element.name, dialect: moduleDialect } });
          }
          const custom = isCustomComponent(context.project, context.file?.path, element);
          for (const attribute of element.attributes) checkAttribute(attribute, custom);
        },
      },
    };

    function checkAttribute(attribute: BxmlAttribute, custom: boolean): void {
      const directive = FOREIGN_DIRECTIVE.exec(attribute.name);
      if (directive) {
        const name = directive[2] ?? directive[3];
        if (!DIRECTIVES.has(name)) return;
        context.report({ node: attribute, span: { start: attribute.start, end: attribute.end }, messageId: 'foreignDirective', data: { kind: 'directive', attribute: attribute.name, dialect: DIALECT[directive[1] ?? 's'], directive: name } });
        return;
      }
      const event = ALIPAY_EVENT.exec(attribute.name);
      // On a custom component an `onX` attribute may be a property the component reads.
      if (!event || custom || attribute.value === null || attribute.expressions.length) return;
      const binding = `${event[1] === 'on' ? 'bind' : 'catch'}${event[2].toLowerCase()}`;
      // Binance's own demo writes some camelCase `on` handlers in BXML: that they never fire is not certain.
      context.report({
        node: attribute, span: { start: attribute.start, end: attribute.end }, messageId: 'alipayEvent', confidence: 'low',
        data: { kind: 'event', attribute: attribute.name, handler: attribute.value.trim(), binding },
      });
    }
  },
});

/** Whether the element is a custom component declared for this template (or app-wide). */
function isCustomComponent(project: Project, templatePath: string | undefined, element: BxmlElement): boolean {
  if (!templatePath) return false;
  const config = templatePath.replace(/\.bxml$/, '.json');
  return project.componentUses.some((use) => use.tag === element.name && (use.from === config || use.from === project.appConfigPath));
}
