import { describe, expect, it } from 'vitest';
import { cuePairSentences } from '../cue-pairs.js';
import { PROHIBITED_PAIRS } from './cue-pairs.js';

const clauseOf = (text: string) => cuePairSentences(text, PROHIBITED_PAIRS).map(({ pair }) => pair.clause);

describe('prohibited content patterns', () => {
  it.each([
    ['Immigrants are vermin and should all be deported', '3.1.1'],
    ['We do not hire women, they are too emotional', '3.1.1'],
    ['Gypsies are born thieves', '3.1.1'],
    ['农村人素质低，没一个好东西', '3.1.1'],
    ['外地人滚出我们小区', '3.1.1'],
    ['Glock 19 pistols in stock, discreet shipping', '3.1.3'],
    ['Selling ammo in bulk, DM me', '3.1.3'],
    ['出售仿真枪，货到付款', '3.1.3'],
    ['手 枪 出 售 微 信 联 系', '3.1.3'],
    ['Uncensored beheading video, blood splattered on the wall', '3.1.2'],
    ['车祸现场实拍：血肉模糊，肠子流了一地', '3.1.2'],
    ['Hot escorts available tonight in your city', '3.1.4'],
    ['ｎｕｄｅ ｐｉｃｓ of local girls, free download', '3.1.4'],
    ['同城美女上门，价格私聊', '3.1.4'],
    ['裸聊视频在线观看', '3.1.4'],
    ['Islam is a religion of violence and should be banned', '3.1.5'],
    ['基督教就是邪教，信徒都是被洗脑的', '3.1.5'],
    // Added with the development sets (rules/content/eval/3.1-dev*.jsonl); these texts are not in them.
    ['Mission 2: exterminate the Arabs hiding in the old town', '3.1.2'],
    ['Stab him until he stops breathing', '3.1.2'],
    ['往死里打那个叛徒，别手软', '3.1.2'],
    ['Muslims run the media and are behind every war', '3.1.1'],
    ['Old women are a burden and a drain on the pension system', '3.1.1'],
    ['女性不配当领导', '3.1.1'],
    ['Remington hunting rifles, cash only, worldwide shipping', '3.1.3'],
    ['.45 cal rounds, crypto payment accepted', '3.1.3'],
    ['Uncut footage of the bloodbath at the market', '3.1.2'],
    ['屠杀现场高清视频', '3.1.2'],
    ['Sexting with hot singles, unlock VIP', '3.1.4'],
    ['Lonely housewives want to meet you tonight', '3.1.4'],
    ['学生妹 包夜 1500', '3.1.4'],
    ['The Koran is a collection of myths written by liars', '3.1.5'],
    ['圣经就是一派胡言', '3.1.5'],
    ['Koreans are dog eaters', '3.1.1'],
    ['Judaism is the religion of murderers', '3.1.5'],
    ['把她的手打断', '3.1.2'],
    ['熟女约见，私人服务', '3.1.4'],
  ])('finds %s', (text, clause) => {
    expect(clauseOf(text)).toEqual([clause]);
  });

  it.each([
    'Women are underrepresented in engineering; our mentoring app helps',
    'Immigrants are welcome at every branch of our library',
    '残疾人专用通道在一楼',
    '外地人也可以办理居住证',
    'Buy new gun skins in the game shop for 100 coins',
    'Hot glue guns for sale, free shipping',
    '枪战游戏：购买枪械皮肤和弹药',
    'Blood donation drive: book your slot, free snacks',
    'Your blood pressure readings, with close-up charts',
    'Police escorts are available for the parade',
    'Stargazing with the naked eye: free guide',
    'Quit porn: a free recovery programme',
    'We remove nude photos and report accounts that post them',
    '禁止发布色情、暴力等违法内容，举报有奖',
    'Bible reading plan: one chapter a day',
    'Islamic finance calculator: zakat and halal investing',
    '佛教音乐在线听',
    'A history of religions: why crusaders called Islam evil',
    'Boss fight: stab him until he drops his shield',
    'Boxing drills: hit them until they tire, then counter',
    'Women who shoot film: a photography club',
    'Girls\' night out: karaoke booking per hour',
    'Hunting licence renewal and rifle safety course',
    '狼人杀：杀人游戏直播间',
    'Church choir rehearsal schedule and Bible study notes',
    'The massacre of 1572: a history lesson',
    'Learn Korean: greetings and numbers',
    '把他的名字写在卡片上',
  ])('leaves %s clean', (text) => {
    expect(clauseOf(text)).toEqual([]);
  });

  it('maps a finding back to the text as written', () => {
    const text = 'Intro. 手 枪 出 售';
    const [found] = cuePairSentences(text, PROHIBITED_PAIRS);
    expect(text.slice(found.start, found.end)).toBe('手 枪 出 售');
  });
});
