import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule, { isModerationName, isPublishingUrl, isReportName } from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A community app: a feed page with a comment box (pages/post) and a constants module. */
function community(files: Files): Files {
  return miniApp({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/post/index'] }),
    'utils/config.js': "export const API = 'https://api.club.example';\n",
    'pages/post/index.bxml': lines(
      '<view class="page">',
      '  <textarea value="{{content}}" placeholder="Write a comment" bindinput="onInput"/>',
      '  <button bindtap="onSubmit">Send</button>',
      '</view>',
    ),
    ...files,
  });
}

/** The comment page script: posts the textarea's text. */
const POST_JS = lines(
  "import { API } from '../../utils/config.js';",
  'Page({',
  "  data: { content: '' },",
  '  onInput(e) {',
  '    this.setData({ content: e.detail.value });',
  '  },',
  '  onSubmit() {',
  '    const { content } = this.data;',
  '    bn.request({',
  '      url: `${API}/v1/posts/42/comments`,',
  "      method: 'POST',",
  '      data: { content },',
  '    });',
  '  },',
  '});',
);

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a comment box with a moderation call on the way and a report button',
      files: community({
        'utils/moderation.js': lines(
          "import { API } from './config.js';",
          'export function checkText(text) {',
          "  return bn.request({ url: `${API}/v1/security/msgSecCheck`, method: 'POST', data: { text } });",
          '}',
        ),
        'pages/post/index.bxml': lines(
          '<view class="page">',
          '  <textarea value="{{content}}" placeholder="Write a comment" bindinput="onInput"/>',
          '  <button bindtap="onSubmit">Send</button>',
          '  <view class="link" bindtap="onReport">Report this post</view>',
          '</view>',
        ),
        'pages/post/index.js': lines(
          "import { API } from '../../utils/config.js';",
          "import { checkText } from '../../utils/moderation.js';",
          'Page({',
          "  data: { content: '' },",
          '  onInput(e) { this.setData({ content: e.detail.value }); },',
          '  async onSubmit() {',
          '    await checkText(this.data.content);',
          "    bn.request({ url: API + '/v1/posts/42/comments', method: 'POST', data: { content: this.data.content } });",
          '  },',
          "  onReport() { bn.navigateTo({ url: '/pages/index/index' }); },",
          '});',
        ),
      }),
    },
    {
      name: 'a sensitive-word filter and a 举报 item in an action sheet',
      files: community({
        'pages/post/index.js': lines(
          "import { API } from '../../utils/config.js';",
          "import { filterSensitiveWords } from '../../utils/words.js';",
          'Page({',
          "  data: { content: '' },",
          '  onInput(e) { this.setData({ content: e.detail.value }); },',
          '  onSubmit() {',
          '    const content = filterSensitiveWords(this.data.content);',
          "    bn.request({ url: `${API}/v1/chat/send`, method: 'POST', data: { content } });",
          '  },',
          "  onMore() { bn.showActionSheet({ itemList: ['复制', '举报'] }); },",
          '});',
        ),
        'utils/words.js': "export function filterSensitiveWords(text) { return text.replace(/badword/g, '***'); }\n",
      }),
    },
    {
      name: 'a search box (not a publishing endpoint) and a feed that is only read',
      files: community({
        'pages/post/index.js': lines(
          "import { API } from '../../utils/config.js';",
          'Page({',
          "  data: { content: '' },",
          '  onInput(e) { this.setData({ content: e.detail.value }); },',
          '  onSubmit() {',
          "    bn.request({ url: `${API}/v1/search`, method: 'POST', data: { q: this.data.content } });",
          "    bn.request({ url: `${API}/v1/feed`, data: { page: 1, q: this.data.content } });",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a publishing endpoint that receives no user text (mark messages read)',
      files: community({
        'pages/post/index.js': lines(
          "import { API } from '../../utils/config.js';",
          'Page({',
          "  data: { content: '', threadId: 7 },",
          '  onInput(e) { this.setData({ content: e.detail.value }); },',
          '  onSubmit() {',
          "    bn.request({ url: `${API}/v1/messages/read`, method: 'POST', data: { thread: this.data.threadId, at: Date.now() } });",
          '  },',
          '  onDelete(e) {',
          "    bn.request({ url: `${API}/v1/comments/delete`, method: 'POST', data: { id: e.currentTarget.dataset.id } });",
          '  },',
          '});',
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'a comment box with neither a filter nor a report entry: one finding for each',
      files: community({ 'pages/post/index.js': POST_JS }),
      errors: [
        { messageId: 'noFilter', file: 'pages/post/index.js', line: 9, column: 5, data: { api: 'bn.request', what: 'the input bound to "content"', endpoint: 'https://api.club.example/v1/posts/42/comments' } },
        { messageId: 'noReport', file: 'pages/post/index.js', line: 9, column: 5, data: { api: 'bn.request', what: 'the input bound to "content"', endpoint: 'https://api.club.example/v1/posts/42/comments' } },
      ],
    },
    {
      name: 'a report entry (投诉 page) but no filter: a form submit posted straight to /reviews',
      files: community({
        'pages/post/index.bxml': lines(
          '<form bindsubmit="onSubmit">',
          '  <input name="title" placeholder="Title"/>',
          '  <textarea name="body" placeholder="Your review"/>',
          '  <button form-type="submit">Publish</button>',
          '  <navigator url="/pages/index/index">投诉与建议</navigator>',
          '</form>',
        ),
        'pages/post/index.js': lines(
          'Page({',
          '  onSubmit(e) {',
          '    const { title, body } = e.detail.value;',
          "    bn.request({ url: 'https://api.club.example/v1/reviews', method: 'POST', data: { title, body } });",
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'noFilter', file: 'pages/post/index.js', line: 4, column: 5, data: { api: 'bn.request', what: 'the form value "title"', endpoint: 'https://api.club.example/v1/reviews' } }],
    },
    {
      name: 'an image upload to /moments with a moderation endpoint but no report entry',
      files: community({
        'pages/post/index.js': lines(
          'Page({',
          '  async onSubmit() {',
          '    const { tempFilePaths } = await bn.chooseImage({ count: 1 });',
          "    await bn.request({ url: 'https://api.club.example/v1/moderation/image', method: 'POST', data: { name: tempFilePaths[0] } });",
          "    bn.uploadFile({ url: 'https://api.club.example/v1/moments/upload', filePath: tempFilePaths[0], name: 'file' });",
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'noReport', file: 'pages/post/index.js', line: 5, column: 5, data: { api: 'bn.uploadFile', what: 'a file the user chose', endpoint: 'https://api.club.example/v1/moments/upload' } }],
    },
    {
      name: 'React: a Textarea whose text reaches a helper module through a parameter; a Feedback link exists',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/services/reviews.ts': lines(
          "import { request } from '@binance/mp-service';",
          'export function postReview(text: string) {',
          "  return request({ url: 'https://api.shop.example/v1/reviews', method: 'POST', data: { text } });",
          '}',
        ),
        'src/pages/index/index.tsx': lines(
          "import { useState } from 'react';",
          "import { View, Textarea, Button, Navigator } from '@binance/mp-components';",
          "import { postReview } from '../../services/reviews';",
          'export default function Index() {',
          "  const [text, setText] = useState('');",
          '  return (',
          '    <View>',
          '      <Textarea value={text} onInput={(e) => setText(e.detail.value)} />',
          '      <Button onClick={() => postReview(text)}>Post review</Button>',
          '      <Navigator url="/pages/feedback/index">Feedback</Navigator>',
          '    </View>',
          '  );',
          '}',
        ),
      },
      errors: [{ messageId: 'noFilter', file: 'src/services/reviews.ts', line: 3, column: 10, data: { api: 'request()', what: 'the input state "text"', endpoint: 'https://api.shop.example/v1/reviews' } }],
    },
    {
      name: 'a publish helper reached only through a dynamic call: reported with low confidence',
      files: community({
        'utils/publish.js': lines(
          "import { API } from './config.js';",
          'export function publish(body) {',
          "  bn.request({ url: `${API}/v1/publish`, method: 'PUT', data: body });",
          '}',
        ),
        'pages/post/index.js': lines(
          "import * as actions from '../../utils/publish.js';",
          'Page({',
          "  data: { content: '', action: 'publish' },",
          '  onInput(e) { this.setData({ content: e.detail.value }); },',
          '  onSubmit() { actions[this.data.action](this.data.content); },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'noFilter', file: 'utils/publish.js', line: 3, column: 3, confidence: 'low', data: { api: 'bn.request', what: 'data that may come from an input', endpoint: 'https://api.club.example/v1/publish' } },
        { messageId: 'noReport', file: 'utils/publish.js', line: 3, column: 3, confidence: 'low' },
      ],
    },
  ],
});

describe('ugc-moderation words', () => {
  it('knows publishing endpoints by their path', () => {
    expect(['https://api.x.example/v1/posts', '/api/comment/add', '/v2/chat/send', '/im/sendMessage', '/upload'].every(isPublishingUrl)).toBe(true);
    expect(['https://posts.example/v1/search', '/v1/gas', '/api/v3/order', '/v1/profile', '/v1/security/msgSecCheck', '/v1/moderation/comment'].some(isPublishingUrl)).toBe(false);
  });
  it('knows moderation steps, not array filters', () => {
    expect(['msgSecCheck', 'checkContent', 'filterSensitiveWords', 'moderateText', 'censor', 'textCheck', '敏感词过滤'].every(isModerationName)).toBe(true);
    expect(['filter', 'map', 'checkLogin', 'submitComment'].some(isModerationName)).toBe(false);
  });
  it('knows report entries, not telemetry', () => {
    expect(['onReport', 'reportComment', 'openFeedback', '/pages/complaint/index'].every(isReportName)).toBe(true);
    expect(['reportAnalytics', 'reportEvent', 'onShare'].some(isReportName)).toBe(false);
  });
});
