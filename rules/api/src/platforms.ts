import platformApi from './data/platform-api.json' with { type: 'json' };
import alternatives from './data/binance-alternatives.json' with { type: 'json' };

/** Where an API name missing on Binance comes from: `WeChat (wx.getXrFrameSystem)`. */
export interface PlatformOrigin {
  /** `WeChat`, `Alipay`, `Douyin (ByteDance)`: every platform that declares the name, in table order. */
  labels: string[];
  /** The name as written on the first of them: `wx.cloud`. */
  spelled: string;
}

const origins = new Map<string, PlatformOrigin>();
for (const platform of platformApi.platforms) {
  for (const name of platform.names) {
    const known = origins.get(name);
    if (known) known.labels.push(platform.label);
    else origins.set(name, { labels: [platform.label], spelled: `${platform.global}.${name}` });
  }
}

/** The platforms whose public type packages declare `name` on their global object. */
export function platformOf(name: string): PlatformOrigin | undefined {
  return origins.get(name);
}

const replacements = new Map(alternatives.entries.map((entry) => [entry.name, entry]));

/** The Binance API doing the same job as another platform's `name` (`alert` → `bn.showModal({ showCancel: false })`). */
export function binanceAlternative(name: string): { use: string; how: string } | undefined {
  return replacements.get(name);
}
