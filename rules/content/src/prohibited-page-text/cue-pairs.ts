/**
 * Prohibited page content in any wording (Operation Rules 3.1): two cues in one sentence, by stem,
 * in English and Simplified Chinese. The term lists hold the unambiguous phrases and slurs; these
 * find the paraphrases (a group named with a demeaning generalisation, a weapon with a sale cue, a
 * wound with a graphic description), in either order. Heuristic, so reported as a warning for a reviewer to judge.
 * Patterns run on text folded by `foldForCues` (lower case, full-width folded, spacing removed).
 */
import type { CuePair } from '../cue-pairs.js';

/** People named as a group (nationality, race, religion, gender, sexuality, disability, origin). */
const GROUP_EN = String.raw`\b(?:chinese|japanese|koreans|russians|ukrainians|americans|pakistanis|nigerians|filipinos|vietnamese|blacks|black people|whites|white people|asians|chinese people|jews|jewish people|muslims|christians|hindus|arabs|mexicans|immigrants|migrants|refugees|foreigners|africans|indians|gays|gay people|lesbians|homosexuals|trans people|transgender people|women|females|disabled people|the disabled|gypsies|roma|latinos|hispanics|poor people|(?:people|those) from (?:africa|asia|india|china|mexico|the south|the north|the countryside|rural areas|[a-z]+stan))\b`;
const DEMEANING_EN = String.raw`\b(?:(?:are|were) (?:all |just |nothing but |naturally |born |basically )?(?:inferior|subhuman|animals|vermin|parasites|savages|criminals|thieves|rapists|dirty|filthy|stupid|dumb|lazy|worthless|disgusting|useless|a disease|a plague|a cancer|cockroaches|rats|pigs|dogs|trash|garbage|scum|less than human|not human|genetically inferior|too stupid)|should (?:all )?(?:be (?:banned|deported|kicked out|exterminated|wiped out|eliminated|killed|locked up|sterilized|sterilised|shot|hanged|hung|beaten|burned|gassed|jailed)|go back|die|disappear)|dog eaters|(?:carry|spread)(?:ing)? (?:viruses|diseases|the virus)|(?:don't|do not|never|won't) (?:hire|rent to|trust|serve|date)|(?:can't|cannot) be trusted|(?:aren't|are not|not) welcome|(?:don't|do not) belong|ruin(?:ing|ed)? (?:everything|our country|this country|the neighbo(?:u)?rhood)|only good for|(?:control|run|own)s? (?:all |the |all the )?(?:banks|media|world|government|money|hollywood|economy)|(?:are|is) (?:behind|responsible for) (?:all|every|everything)|(?:are|is) (?:diseased|sick|mentally ill|perverts?|abominations?|an abomination)|(?:are|is|were) (?:all |just |nothing but |a |an )?(?:burden|drain|leeches|freeloaders|sheep|idiots|morons|retards|retarded|ugly|smelly|greedy|violent|dangerous|backward|primitive|uncivili[sz]ed|barbaric|ignorant|brainless))\b`;
const GROUP_ZH = String.raw`(?:女生|女性|女司机|老女人|穷鬼|外地佬|乡巴佬|黑人|黑鬼|白人|黄种人|穆斯林|回民|犹太人|基督徒|外地人|外省人|河南人|东北人|农村人|乡下人|女人|女的|娘们|男人|同性恋|基佬|残疾人|残废|穷人|日本人|韩国人|印度人|非洲人|外国人|少数民族|新疆人|上海人|北方人|南方人|移民|难民)`;
const DEMEANING_ZH = String.raw`(?:都是(?:小偷|骗子|垃圾|废物|猪|狗|畜生|蠢货|懒鬼|贱|人渣|败类|流氓|强盗)|(?:天生|生来)(?:就)?(?:懒|笨|蠢|低|贱|坏|劣)|素质(?:低|差|极差)|低等|劣等|下等|不是人|不配(?:做人|活|当人)|滚出|滚回|(?:不招|不租给|不接待|不欢迎)|不配|是(?:精神病|变态|疾病|心理疾病|病态)|(?:应该|需要|必须)(?:被)?(?:治疗|矫正|关起来)|没一个好东西|该死|都该(?:死|滚|被)|应该被(?:赶走|驱逐|消灭|清除)|就是(?:垃圾|废物|畜生|蠢))`;

/** Killing or wiping out a real group, as in a game that makes a race or nationality the enemy (3.1.2). */
const KILL_GROUP_EN = String.raw`\b(?:wipe out|wiping out|exterminat\w*|slaughter\w*|massacre\w*|kill (?:all|every|the)|hunt down|invading|invaders?)\b`;
const KILL_GROUP_ZH = String.raw`(?:杀光|杀死|消灭|屠杀|干掉|灭了|清除|入侵)`;
/** Urging someone to beat, stab or kill a person (3.1.2). */
const URGE_VIOLENCE_EN = String.raw`\b(?:beat|stab|punch|kick|hit|shoot|hurt|kill|cut) (?:them|him|her|that \w+|those \w+)\b`;
const UNTIL_HARM_EN = String.raw`\b(?:until|till|til) (?:they|he|she) (?:bleed|bleeds|die|dies|drop|drops|can't (?:move|walk|breathe)|stop(?:s)? breathing)|no mercy|to death|break (?:their|his|her) (?:bones|legs|neck)\b`;
const URGE_VIOLENCE_ZH = String.raw`(?:往死里(?:打|揍|砍|踢)|打死(?:他|她|他们|她们|这些|那个)|砍死(?:他|她|他们)|弄死(?:他|她|他们))`;
/** "把他的腿打断": a person, then what is done to them. */
const HARM_TARGET_ZH = String.raw`把(?:他|她|他们|她们|那个人|这个人)`;
const HARM_ACT_ZH = String.raw`(?:打断|砍断|打死|砍死|弄死|打残|废了|捅死)`;
const UNTIL_HARM_ZH = String.raw`(?:[!！]|往死里|打死|砍死|弄死|狠狠|别手软|不要手软|打残|见血)`;
/** Fighting in a game or a sport, or quoting violence to condemn it. */
const NOT_URGING = /\b(?:game|level|boss|enemy|enemies|monster|zombie|zombies|round|match|player|opponent|sparring|boxing|martial)\b|游戏|关卡|怪物|僵尸|敌人|副本|对手|拳击|比赛/;

/** Weapons, ammunition and explosives; sale cues; and the uses of "gun" that are tools or toys. */
const WEAPON_EN = String.raw`(?<![\w.])\.\d{2,3} ?cal(?:iber)?\b|\b(?:guns|gun|firearms?|pistols?|handguns?|rifles?|ar-?15s?|ak-?47s?|ghost guns?|shotguns?|revolvers?|glocks?|9 ?mm|hunting rifles?|scopes?|magazines? for|ammo|ammunition|bullets|cartridges|silencers?|suppressors?|grenades?|explosives?|dynamite|detonators?|c-?4|tasers?|stun guns?|switchblades?|brass knuckles|crossbows?)\b`;
const SALE_EN = String.raw`\b(?:for sale|buy|buying|sell|sells|selling|sold|order|orders|ordering|in stock|shipping|ships|shipped|to your door|delivered|delivery|discreet|no (?:license|licence|background checks?|id|questions asked|paperwork)|cheap|wholesale|bulk|dm (?:me|us)|contact (?:me|us)|price list|prices?|cash only|cash|crypto payments?|payment accepted|accept(?:s|ed|ing)? (?:crypto|usdt|bnb|btc|cash)|ship worldwide|worldwide shipping|transfer|\$\s?\d+|\d+\s?(?:usdt|usd|dollars|bnb))\b`;
const NOT_WEAPON_EN = /\b(?:game|games|gaming|in-game|skins?|virtual|nft|toy|toys|nerf|water guns?|glue guns?|nail guns?|heat guns?|spray guns?|staple guns?|massage guns?|paintball|airsoft|bb guns?|bullet points?|bullet journal)\b/;
const WEAPON_ZH = String.raw`(?:枪支|手枪|步枪|猎枪|气枪|仿真枪|狙击枪|冲锋枪|散弹枪|火药枪|钢珠枪|枪械|子弹|弹药|军火|炸药|雷管|手雷|手榴弹|管制刀具|弩箭|军刺|电击器|电击枪)`;
const SALE_ZH = String.raw`(?:出售|售卖|有售|在售|卖|购买|买|价格|价钱|包邮|现货|货到付款|批发|私聊|下单|出货|发货|代购|渠道|一手货源|联系|加微|微信)`;
const NOT_WEAPON_ZH = /游戏|皮肤|玩具|水枪|胶枪|喷枪|焊枪|射钉枪|道具|模型|cs|吃鸡/;

/** Wounds and dead bodies; graphic description or footage of them. */
const GORE_EN = String.raw`\b(?:covered in blood|soaked in blood|blood-soaked|blood (?:splatter\w*|spurt\w*|gush\w*|pour\w*)|bloody (?:corpses?|bodies|body|remains)|guts|intestines|entrails|brains|severed|decapitat\w*|dismember\w*|mutilat\w*|disembowel\w*|behead\w*|corpses?|dead bodies|gore|gory|torture[ds]?|skinned alive|burned alive|execution videos?|public executions?|tortured to death|beaten to death|massacre\w*|slaughter(?:ed|ing)?|body parts|carnage|bloodbath)\b`;
const GRAPHIC_EN = String.raw`\b(?:splatter\w*|ripped (?:out|open|apart)|torn (?:out|open|apart)|spew\w*|gush\w*|ooz\w*|close-?ups?|uncensored|unblurred|real (?:footage|video|photos?|pictures?)|graphic (?:footage|video|images?|photos?|pictures?)|hanging out|sliced open|hacked (?:off|apart|to pieces)|chopped (?:off|up)|mangled|pool of|caught on (?:camera|video)|full video|watch|videos?|footage|clips?|real|live|up close|no blur|unblurred|uncut|unedited|raw|see (?:the|it|them))\b`;
const GORE_ZH = String.raw`(?:杀人|屠杀|尸块|爆头|砍杀|血肉模糊|肠子|内脏|脑浆|断肢|残肢|碎尸|肢解|斩首|砍头|尸体|血淋淋|鲜血|虐杀|虐待|剥皮|活埋|焚尸|分尸)`;
const GRAPHIC_ZH = String.raw`(?:流出|流了一地|喷涌|喷出|四溅|满地|一地|直播|实拍|现场视频|现场图|高清|无码|未打码|无删减|特写|全过程|完整版|视频|图片|曝光)`;

/** Sexual services and nudity; how they are offered or shown. */
const SEXUAL_EN = String.raw`\b(?:escorts?|call girls?|hookers?|prostitutes?|sex workers?|happy endings?|sexual services?|erotic massages?|full service massage|hook-?ups?|one-night stands?|nudes|nude (?:photos?|pics?|videos?|girls?|women|models?)|naked (?:photos?|pics?|videos?|girls?|women|selfies?)|topless|nsfw|xxx|sex (?:videos?|tapes?|chat|cams?)|cam girls?|adult (?:videos?|content|movies?)|strippers?|striptease|strip (?:shows?|clubs?|tease|for tips)|live strip\w*|sext(?:s|ing|ed)?|milfs?|stripping|explicit (?:photos?|pics?|videos?|content|chat)|leaked (?:nudes|nude pics|sex tapes?))\b`;
const OFFER_EN = String.raw`\b(?:book|booking|available|near you|nearby|tonight|in your (?:city|area)|local|rates?|hourly|per hour|incall|outcall|hotel|meet|dm|whatsapp|telegram|watch|view|download|free|pics|photos?|videos?|uncensored|leaked|send|girls|hot|sexy|private|live|tips?|unlock\w*|waiting|right now|vip|\$\s?\d+|\d+\s?(?:usdt|usd|bnb))\b`;
const NOT_SEXUAL_EN = /\b(?:(?:police|security|armed|military|vip) escorts?|naked eye|hook-?ups? (?:for|to) (?:water|gas|power|electric\w*|cable|the grid)|fishing hooks?|quit\w*|recovery|addiction|blockers?|no (?:adult|nsfw|explicit|sexual)|escort (?:the|a|your) (?:convoy|shipment|delivery|vip))\b/;
const SEXUAL_ZH = String.raw`(?:外围女?|援交|约炮|一夜情|包夜|全套服务|特殊服务|裸聊|裸照|裸体|裸露|色情|黄片|黄色(?:视频|网站|图片)|成人(?:视频|影片|电影|网站)|av(?:女优|视频|片)|福利姬|性服务|特殊按摩|大保健|美女上门|上门(?:陪|按摩|服务妹)|楼凤|小姐上门|招嫖|嫖娼|卖淫|情色|激情(?:视频|聊天|直播)|福利(?:视频|图|资源|社|番)|私密(?:相册|视频|照片?|直播)|私房(?:照|视频))`;
const OFFER_ZH = String.raw`(?:价格|价|联系|微信|加我|同城|附近|今晚|预约|服务|观看|看|免费|下载|高清|私聊|美女|妹子|学生妹|无码|资源|在线|直播|点击|私信)`;

/** A religion or its people; an attack on it. */
const RELIGION_EN = String.raw`\b(?:islam|muslims?|christianity|christians?|jesus|the bible|quran|koran|allah|buddhism|buddhists?|hinduism|hindus?|judaism|jews|catholics?|the church|prophet muhammad|muhammad|mormons?|sikhs?|religion|religions|religious people|believers|christ|god|the prophet|(?:his|their) followers|infidels?|unbelievers|kafirs?|apostates?|heretics?)\b`;
const ATTACK_EN = String.raw`\b(?:(?:is|are|was|were) (?:a |an |the |just |all )?(?:cult|cults|lie|lies|poison|cancer|evil|a disease|fraud|joke|terrorists?|brainwashed|idiots|morons|delusional|mentally ill|satanic|devil worshippers?|a plague|(?:the )?religion of (?:hate|violence|terror|war|terrorists|murderers|killers))|should be (?:banned|burned|destroyed|wiped out|outlawed|eradicated)|burn (?:the|all|every|their)|wipe out|false gods?|death to|deserve(?:s)? to die|will burn in hell|go to hell|kill (?:all|every|the)|(?:book|pack|bunch|collection|pile) of (?:lies|myths|fairy tales|nonsense)|written by (?:frauds|liars|madmen|conmen)|made[- ]up (?:nonsense|lies|stories))\b`;
const RELIGION_ZH = String.raw`(?:佛经|圣经|古兰经|可兰经|经书|伊斯兰教?|穆斯林|基督教|基督徒|佛教|佛教徒|和尚|道教|天主教|犹太教|印度教|清真|宗教|信徒|上帝|真主|耶稣|佛祖|教徒)`;
const ATTACK_ZH = String.raw`(?:邪教|骗人的|都是骗子|毒瘤|垃圾|恐怖分子|该死|消灭|烧掉|下地狱|被洗脑|愚昧|异教徒都|圣战|滚出|去死|杀光|铲除|鬼话|胡说八道|一派胡言|谎言|骗局)`;

/** Describing or warning against the content is not offering it. */
const ABOUT = /\b(?:report|reporting|beware|never|not allowed|prohibited|forbidden|banned from|we remove|against|anti-|stop|fight|combat|condemn\w*|no tolerance|zero tolerance|history of|study of|research)\b|禁止|严禁|不得|谨防|举报|反对|抵制|打击|反歧视|反对歧视|不良信息|违规|拒绝|远离|扫黄|防范|警惕/;

/** People offered for paid meetings: the wording of prostitution ads (3.1.4). */
const PERSON_EN = String.raw`\b(?:girls?|women|ladies|babes|companions|housewives|milfs?)\b`;
const PAID_MEET_EN = String.raw`\b(?:private meet(?:ups?|ings?)|discreet (?:meet\w*|fun|encounters?)|want(?:s)? to (?:meet|hook up with|sleep with) you|(?:meet|hook up) (?:tonight|now)|incall|outcall|full service)\b`;
const PERSON_ZH = String.raw`(?:美女|妹子|学生妹|少妇|小姐|嫩模|外围|女大学生|熟女)`;
const PAID_MEET_ZH = String.raw`(?:约见|私密服务|私人服务|特殊服务|一晚|一夜|包夜|每小时|一小时|过夜|快餐|全套|上门|私约|陪睡|\d+\s*(?:元|块)?\s*[/每]\s*(?:次|晚|小时))`;
/** A killing game, a detective story or a history lesson is not gore. */
const NOT_GORE_ZH = /游戏|狼人杀|剧本杀|推理|小说|历史|纪念|悼念/;

export const PROHIBITED_PAIRS: readonly CuePair[] = [
  { kind: 'discriminatory: a group of people with a demeaning generalisation', clause: '3.1.1', cues: [new RegExp(GROUP_EN), new RegExp(DEMEANING_EN)], unless: ABOUT },
  { kind: 'discriminatory: a group of people with a demeaning generalisation', clause: '3.1.1', cues: [new RegExp(GROUP_ZH), new RegExp(DEMEANING_ZH)], unless: ABOUT },
  { kind: 'a real group of people singled out to be killed', clause: '3.1.2', cues: [new RegExp(GROUP_EN), new RegExp(KILL_GROUP_EN)], unless: ABOUT },
  { kind: 'a real group of people singled out to be killed', clause: '3.1.2', cues: [new RegExp(GROUP_ZH), new RegExp(KILL_GROUP_ZH)], unless: ABOUT },
  { kind: 'a call to beat or kill someone', clause: '3.1.2', cues: [new RegExp(URGE_VIOLENCE_EN), new RegExp(UNTIL_HARM_EN)], unless: new RegExp(`${NOT_URGING.source}|${ABOUT.source}`) },
  { kind: 'a call to beat or kill someone', clause: '3.1.2', cues: [new RegExp(URGE_VIOLENCE_ZH), new RegExp(UNTIL_HARM_ZH)], unless: new RegExp(`${NOT_URGING.source}|${ABOUT.source}`) },
  { kind: 'a call to beat or kill someone', clause: '3.1.2', cues: [new RegExp(HARM_TARGET_ZH), new RegExp(HARM_ACT_ZH)], unless: new RegExp(`${NOT_URGING.source}|${ABOUT.source}`) },
  { kind: 'weapons, ammunition or explosives offered for sale', clause: '3.1.3', cues: [new RegExp(WEAPON_EN), new RegExp(SALE_EN)], unless: new RegExp(`${NOT_WEAPON_EN.source}|${ABOUT.source}`) },
  { kind: 'weapons, ammunition or explosives offered for sale', clause: '3.1.3', cues: [new RegExp(WEAPON_ZH), new RegExp(SALE_ZH)], unless: new RegExp(`${NOT_WEAPON_ZH.source}|${ABOUT.source}`) },
  { kind: 'a graphic description of gore or killing', clause: '3.1.2', cues: [new RegExp(GORE_EN), new RegExp(GRAPHIC_EN)], unless: ABOUT },
  { kind: 'a graphic description of gore or killing', clause: '3.1.2', cues: [new RegExp(GORE_ZH), new RegExp(GRAPHIC_ZH)], unless: new RegExp(`${NOT_GORE_ZH.source}|${ABOUT.source}`) },
  { kind: 'sexual services or nudity offered', clause: '3.1.4', cues: [new RegExp(SEXUAL_EN), new RegExp(OFFER_EN)], unless: new RegExp(`${NOT_SEXUAL_EN.source}|${ABOUT.source}`) },
  { kind: 'sexual services or nudity offered', clause: '3.1.4', cues: [new RegExp(SEXUAL_ZH), new RegExp(OFFER_ZH)], unless: ABOUT },
  { kind: 'sexual services or nudity offered', clause: '3.1.4', cues: [new RegExp(PERSON_EN), new RegExp(PAID_MEET_EN)], unless: ABOUT },
  { kind: 'sexual services or nudity offered', clause: '3.1.4', cues: [new RegExp(PERSON_ZH), new RegExp(PAID_MEET_ZH)], unless: ABOUT },
  { kind: 'an attack on a religion', clause: '3.1.5', cues: [new RegExp(RELIGION_EN), new RegExp(ATTACK_EN)], unless: ABOUT },
  { kind: 'an attack on a religion', clause: '3.1.5', cues: [new RegExp(RELIGION_ZH), new RegExp(ATTACK_ZH)], unless: ABOUT },
];
