import { describe, expect, it } from 'vitest';
import { scriptMentions, templateMentions } from './mentions.js';
import { literalAssignments } from './template-uses.js';

const uses = (scan: typeof scriptMentions, text: string, names: string[]) => {
  const found: string[] = [];
  scan(text, new Set(names), (name) => found.push(name));
  return found;
};

describe('scriptMentions', () => {
  it('counts words in code and strings that are the whole name, not comments or longer strings', () => {
    const text = [
      '// setting() is kept for later',
      '/* share() too */',
      "const url = '../my-setting/setting';",
      "console.log('[share] --> ', url);",
      'Page({ setting() {}, share() { this.setting(); } });',
      "const handlers = ['invite', \"share\"];",
      'const label = `setting ${share}`;',
      'const ratio = a / setting / 2;',
      'const pattern = /share/g; invite();',
    ].join('\n');
    expect(uses(scriptMentions, text, ['setting', 'share', 'invite'])).toEqual(['setting', 'share', 'setting', 'invite', 'share', 'share', 'setting', 'invite']);
  });

  it('reads on as code after a quote or slash that does not close on its line', () => {
    expect(uses(scriptMentions, "const a = \"it's\nshare();\nconst b = x / 2\nshare()", ['share'])).toEqual(['share', 'share']);
  });
});

describe('scriptMentions on hostile text', () => {
  // Minified code is one long line: each quote or `/` left open on it was scanned to the line's end
  // again, so 200 KB of them took seconds. Each unit leaves its quote or expression unterminated and
  // holds one use of `share`, which the scan reads as code.
  const units = { 'escaped double quotes': '\\" share ', 'escaped apostrophes': "\\' share ", 'open regular expressions': '(/[ share ' };
  for (const [name, unit] of Object.entries(units)) {
    it(`reads 200 KB on one line of ${name} once`, () => {
      const count = Math.ceil(200_000 / unit.length);
      expect(uses(scriptMentions, unit.repeat(count), ['share'])).toHaveLength(count);
    }, 5_000);
  }

  it('forgets an unterminated quote or expression at the end of its line', () => {
    const line = 'x = "a\\" (/[ y \'b\\\' share\n';
    // On the same line, later quotes and slashes are code; on the next, strings and expressions again.
    const text = `${line.repeat(20_000)}'share'; /share/; "share"`;
    expect(uses(scriptMentions, text, ['share'])).toHaveLength(20_000 + 2);
  }, 5_000);
});

describe('templateMentions', () => {
  it('counts handler values and {{ }} code, not comments, classes, ids, paths or text', () => {
    const text = [
      '<!-- <button bindtap="share">Share</button> -->',
      '<navigator url="../my-setting/setting" class="setting" id="setting">setting</navigator>',
      '<button ontap="invite" data-then="share">Go</button>',
      '<view bindtap="{{ locked ? \'\' : \'setting\' }}">{{ invite }}</view>',
      '<bns module="links">module.exports = { href: function (id) { return \'/pages/item?id=\' + id } }</bns>',
      '<image bindtap="share" src="{{ links.href(1) }}"/>',
      '<view class="{{ on ? \'on\' : \'\' }}"/>',
    ].join('\n');
    expect(uses(templateMentions, text, ['setting', 'share', 'invite']).sort()).toEqual(['invite', 'invite', 'setting', 'share', 'share']);
  });
});

describe('literalAssignments', () => {
  it('lists the literals a key is given, through copies of itself', () => {
    expect(literalAssignments("data: { icon: '' },\nonLoad() { this.icon = 'donate'; if (x) this.icon = \"home\"; this.setData({ icon: this.icon }); this.data.icon; }", 'icon')?.sort()).toEqual(['', 'donate', 'home']);
  });

  it('is unknown when the key is given anything else or used another way', () => {
    expect(literalAssignments("this.setData({ icon: res.data.icon }); this.icon = 'a'", 'icon')).toBeUndefined();
    expect(literalAssignments("this.setData({ icon: 'a' + kind })", 'icon')).toBeUndefined();
    expect(literalAssignments("const { icon } = res.data; this.setData({ icon })", 'icon')).toBeUndefined();
    expect(literalAssignments("properties: { icon: { type: String } }", 'icon')).toBeUndefined();
  });
});
