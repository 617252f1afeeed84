/** A rule's docs page for hovers: the generated docs/rules page when shipped, else rendered from meta. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDoc, type AnyRule } from '@bmplint/core';

const GENERATED_MARK = /^<!--[^]*?-->\s*/;

export class RuleDocs {
  private readonly cache = new Map<string, string>();

  /** `dirs`: folders holding `<area>/<rule>.md` pages (the repo's docs/rules, or a copy in a package). */
  constructor(private readonly dirs: readonly string[]) {}

  markdown(rule: AnyRule): string {
    const { id } = rule.meta;
    let page = this.cache.get(id);
    if (page === undefined) {
      page = this.fromDisk(id) ?? this.rendered(rule);
      this.cache.set(id, page);
    }
    return page;
  }

  private fromDisk(id: string): string | undefined {
    for (const dir of this.dirs) {
      try {
        return readFileSync(join(dir, `${id}.md`), 'utf8').replace(GENERATED_MARK, '');
      } catch {
        // Not shipped there: try the next folder.
      }
    }
    return undefined;
  }

  /** A plugin's rule has no page here: its meta (clauses quoted, messages) still says what it checks. */
  private rendered(rule: AnyRule): string {
    try {
      return renderRuleDoc(rule, rule.meta.docs.url ? `[Rule page](${rule.meta.docs.url})` : '').replace(GENERATED_MARK, '');
    } catch {
      return `# ${rule.meta.id}\n\n${rule.meta.docs.description}\n`;
    }
  }
}
