"""The one table of interface words: every word hanban prints that does not come from the catalog.

Each entry holds the three scripts hanban speaks, written out (no conversion at run time):
Simplified Chinese (zh-Hans), Traditional Chinese (zh-Hant) and English (en). Catalog text (service
names, facts, quotes) is not here: it comes from the catalog files, with its own Traditional form.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")
_COLUMN = {"zh-Hans": 0, "zh-Hant": 1, "en": 2}


def lang_from_locale(environ: Mapping[str, str] | None = None) -> Lang:
    """zh_CN/zh_SG (or zh_Hans, plain zh) -> zh-Hans, zh_TW/zh_HK/zh_MO (or zh_Hant) -> zh-Hant,
    anything else -> en (English serves a German or a French reader better than Chinese)."""
    env = os.environ if environ is None else environ
    value = ""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if env.get(var):
            value = env[var].split(":")[0]
            break
    low = value.lower().replace("-", "_")
    if low.startswith("zh"):
        if any(tag in low for tag in ("_tw", "_hk", "_mo", "hant")):
            return "zh-Hant"
        return "zh-Hans"
    return "en"


def parse_lang(value: str) -> Lang:
    """Accept zh-Hans / zh-Hant / en (case- and separator-insensitive); raise ValueError."""
    norm = value.strip().lower().replace("_", "-")
    for lang in LANGS:
        if lang.lower() == norm:
            return lang
    aliases: dict[str, Lang] = {"zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "en-us": "en", "en-gb": "en"}
    if norm in aliases:
        return aliases[norm]
    raise ValueError(f"unknown language {value!r}; use one of: {', '.join(LANGS)}")


def word(key: str, lang: Lang, **fmt: object) -> str:
    """The interface string `key` in `lang`, with {placeholders} filled from `fmt`."""
    text = WORDS[key][_COLUMN[lang]]
    return text.format(**fmt) if fmt else text


def words(key: str) -> tuple[str, str, str]:
    """All three scripts of `key`: (zh-Hans, zh-Hant, en)."""
    return WORDS[key]


# key: (zh-Hans, zh-Hant, en)
WORDS: dict[str, tuple[str, str, str]] = {
    'channel.one_window': ('一窗通办', '一窗通辦', 'one-window service'),
    'channel.fully_online': ('全程网办', '全程網辦', 'fully online service'),
    'channel.cross_province': ('跨省通办', '跨省通辦', 'cross-province service'),
    'status.nationwide': ('全国实施', '全國實施', 'nationwide'),
    'status.pilot': ('试点', '試點', 'pilot'),
    'status.exploring': ('探索中', '探索中', 'exploring'),
    'status.not_stated': ('资料未说明', '資料未說明', 'not stated'),
    'show.available': ('可办（推行范围资料未说明）', '可辦（推行範圍資料未說明）', 'available (how widely: not stated)'),
    'show.available_short': ('可办', '可辦', 'yes'),
    'show.channels': ('办理渠道', '辦理渠道', 'Channels'),
    'show.documents': ('材料', '材料', 'Documents'),
    'show.bring': ('需携带', '需攜帶', 'Bring'),
    'show.may_be_exempt': ('如被要求提供，以下公安证照可能免交（改革推进中，不确定时请携带）', '如被要求提供，以下公安證照可能免交（改革推進中，不確定時請攜帶）', 'Police-issued documents you may not have to hand in if asked for them (reform under way: bring them if unsure)'),
    'show.exempt': ('免交', '免交', 'Exempt'),
    'show.doc_not_stated': ('资料未说明', '資料未說明', 'Not stated'),
    'show.bring_not_stated': ('资料未说明需携带哪些材料：请向当地公安机关确认。', '資料未說明需攜帶哪些材料：請向當地公安機關確認。', 'The sources do not say what to bring: check with the local office.'),
    'show.where': ('去哪里办', '去哪裡辦', 'Where to go'),
    'show.where_not_stated': ('资料未说明办理地点：请向当地公安机关确认。', '資料未說明辦理地點：請向當地公安機關確認。', 'The sources do not say where: check with the local office.'),
    'show.steps': ('步骤', '步驟', 'Steps'),
    'show.notes': ('说明', '說明', 'Notes'),
    'show.figures': ('进展数据', '進展數據', 'Figures'),
    'show.measures': ('相关措施', '相關措施', 'Measures'),
    'show.sources': ('资料来源', '資料來源', 'Sources'),
    'show.as_of': ('信息截至', '信息截至', 'Information as of'),
    'show.regions': ('地区', '地區', 'Regions'),
    'show.check_local': ('资料未说明：请向当地公安机关确认', '資料未說明：請向當地公安機關確認', 'not stated: check with the local office'),
    'show.category': ('类别', '類別', 'Category'),
    'show.audience': ('对象', '對象', 'For'),
    'audience.citizen': ('居民', '居民', 'citizens'),
    'audience.foreigner': ('外国人', '外國人', 'foreigners'),
    'audience.business': ('企业', '企業', 'businesses'),
    'show.defined_in': ('定义于', '定義於', 'Defined in'),
    'show.measure': ('第{n}条', '第{n}條', 'measure {n}'),
    'table.id': ('编号', '編號', 'id'),
    'table.name': ('名称', '名稱', 'name'),
    'table.title': ('标题', '標題', 'title'),
    'table.part': ('部分', '部分', 'part'),
    'table.status': ('状态', '狀態', 'status'),
    'part.reform': ('改革举措', '改革舉措', 'reform'),
    'part.service': ('服务举措', '服務舉措', 'service'),
    'part.supervision': ('安全监管', '安全監管', 'supervision'),
    'cl.channel.one_window': ('一窗通办', '一窗通辦', 'One window (一窗通办)'),
    'cl.channel.fully_online': ('全程网办', '全程網辦', 'Fully online (全程网办)'),
    'cl.channel.cross_province': ('跨省通办', '跨省通辦', 'Cross-province (跨省通办)'),
    'cl.status.nationwide': ('全国全面实施', '全國全面實施', 'nationwide (全面实施)'),
    'cl.status.pilot': ('试点', '試點', 'pilot (试点)'),
    'cl.status.exploring': ('探索中', '探索中', 'being explored (探索)'),
    'cl.status.not_stated': ('推行范围资料未说明', '推行範圍資料未說明', 'how widely: not stated'),
    'cl.verdict.yes': ('可以', '可以', 'yes'),
    'cl.verdict.no': ('不适用', '不適用', 'no'),
    'cl.verdict.depends': ('视情况而定', '視情況而定', 'it depends'),
    'cl.verdict.not_stated': ('资料未说明', '資料未說明', 'not stated'),
    'cl.channel_check_local': ('资料未说明这一渠道，请向当地公安机关确认。', '資料未說明這一渠道，請向當地公安機關確認。', 'the sources do not mention this channel: check with the local office.'),
    'cl.pilot_warning': ('{channel}属于{status}，并非各地都已开通{regions}：办理前请向当地公安机关确认。', '{channel}屬於{status}，並非各地都已開通{regions}：辦理前請向當地公安機關確認。', '{channel} is a {status}, not offered everywhere yet{regions}: check with the local office before you rely on it.'),
    'cl.may_be_exempt_note': ('关于“可能免交”的公安证照：“免交证、办成事”改革正在推进（能减则减、能免则免），各地进度不一，不确定时请带上。', '關於「可能免交」的公安證照：「免交證、辦成事」改革正在推進（能減則減、能免則免），各地進度不一，不確定時請帶上。', 'About the police-issued documents you may not have to hand in: the 免交证 reform (“reduce what can be reduced, waive what can be waived”) is under way and local progress varies, so bring them if unsure.'),
    'cl.exempt': ('{name}：无需提交。', '{name}：無需提交。', '{name}: not needed.'),
    'cl.bring_unsure': ('{name}（是否需要资料未说明：请带上）', '{name}（是否需要資料未說明：請帶上）', '{name} (whether it is needed is not stated: bring it)'),
    'cl.bring_not_stated': ('资料未说明需携带哪些材料：请向当地公安机关确认。', '資料未說明需攜帶哪些材料：請向當地公安機關確認。', 'The sources do not say what to bring: check with the local office.'),
    'cl.where_not_stated': ('资料未说明办理地点：请向当地公安机关确认。', '資料未說明辦理地點：請向當地公安機關確認。', 'The sources do not say where to go: check with the local office.'),
    'cl.figure': ('{text}（数据截至{as_of}）', '{text}（數據截至{as_of}）', '{text} (figure as of {as_of})'),
    'cl.regions': ('地区：{r}', '地區：{r}', 'regions: {r}'),
    'cl.channel_line': ('{c}：{v}——{w}', '{c}：{v}——{w}', '{c}: {v} — {w}'),
    'cl.in_regions': ('（{r}）', '（{r}）', ' ({r})'),
    'cl.with_note': ('{n}（{note}）', '{n}（{note}）', '{n} ({note})'),
    'cl.place': ('{n}：{d}', '{n}：{d}', '{n}: {d}'),
    'cl.list_sep': ('、', '、', ', '),
    'cl.clause_sep': ('；', '；', '; '),
    'answer.yes': ('是', '是', 'yes'),
    'answer.no': ('否', '否', 'no'),
    'h.title': ('办事清单', '辦事清單', 'Your checklist'),
    'h.answers': ('您的回答', '您的回答', 'Your answers'),
    'h.channel': ('您可以怎么办', '您可以怎麼辦', 'How you can get it done'),
    'h.warning': ('注意', '注意', 'Caveats'),
    'h.where': ('去哪里办', '去哪裡辦', 'Where to go'),
    'h.bring': ('需携带', '需攜帶', 'What to bring'),
    'h.may_be_exempt': ('如被要求提供，以下公安证照可能免交（不确定时请带上）', '如被要求提供，以下公安證照可能免交（不確定時請帶上）', 'Police-issued documents you may not have to hand in if asked for them (bring them if unsure)'),
    'h.step': ('步骤', '步驟', 'Steps'),
    'h.note': ('说明', '說明', 'Notes'),
    'h.sources': ('资料来源', '資料來源', 'Sources'),
    'h.as_of': ('信息截至', '信息截至', 'Information as of'),
    'h.disclaimer': ('本清单依据所列资料生成；各地执行情况可能不同，请以当地公安机关为准。', '本清單依據所列資料生成；各地執行情況可能不同，請以當地公安機關為準。', 'This checklist is built from the sources listed; local practice may differ, so the local police have the final word.'),
    'w.back': ('← 返回上一题', '← 返回上一題', '← Back to the previous question'),
    'w.yes': ('是', '是', 'Yes'),
    'w.no': ('否', '否', 'No'),
    'w.progress': ('第{n}题，共约{total}题', '第{n}題，共約{total}題', 'question {n} of about {total}'),
    'w.text_back': ('（输入 < 返回上一题）', '（輸入 < 返回上一題）', '(type < to go back)'),
    'w.review': ('请核对您的回答：', '請核對您的回答：', 'Your answers — check them:'),
    'w.show': ('✓ 没问题，生成清单', '✓ 沒問題，生成清單', '✓ All correct: show my checklist'),
    'w.change': ('修改', '修改', 'Change'),
    'w.search': ('（上下键选择，输入文字筛选）', '（上下鍵選擇，輸入文字篩選）', '(arrow keys to move, type to filter)'),
    'w.keys': ('（上下键选择，回车确认）', '（上下鍵選擇，回車確認）', '(arrow keys to move, Enter to choose)'),
    'w.number': ('请输入整数', '請輸入整數', 'Enter a whole number'),
    'category.hukou': ('户口', '戶口', 'Hukou'),
    'category.id-card': ('身份证', '身份證', 'ID card'),
    'category.residence': ('居住证', '居住證', 'Residence'),
    'category.certificates': ('证明', '證明', 'Certificates'),
    'category.immigration': ('出入境', '出入境', 'Immigration'),
    'category.traffic': ('交通管理', '交通管理', 'Traffic'),
    'category.security': ('治安', '治安', 'Public order and security'),
    'category.maritime': ('出海', '出海', 'Sea'),
    'category.business': ('企业', '企業', 'Business'),
    'category.general': ('其他', '其他', 'General'),
    'err.answer.not_allowed': ('{q}：不接受 {value}；可用：{allowed}', '{q}：不接受 {value}；可用：{allowed}', '{q}: {value} is not allowed; use {allowed}'),
    'err.answer.yes_no': ('{q}：不接受 {value}；请回答“是”或“否”（yes 或 no）', '{q}：不接受 {value}；請回答「是」或「否」（yes 或 no）', '{q}: {value} is not allowed; use yes or no'),
    'err.answer.not_number': ('{q}：{value} 不是整数', '{q}：{value} 不是整數', '{q}: {value} is not a whole number'),
    'err.answer.below': ('{q}：{n} 小于最小值 {min}', '{q}：{n} 小於最小值 {min}', '{q}: {n} is below the minimum {min}'),
    'err.answer.above': ('{q}：{n} 大于最大值 {max}', '{q}：{n} 大於最大值 {max}', '{q}: {n} is above the maximum {max}'),
    'err.answer.required': ('{q}：必须回答', '{q}：必須回答', '{q}: an answer is required'),
    'err.answer.too_long': ('{q}：回答超过 {n} 个字符', '{q}：回答超過 {n} 個字符', '{q}: the answer is longer than {n} characters'),
    'err.answer.control': ('{q}：回答中不能含控制字符', '{q}：回答中不能含控制字符', '{q}: control characters are not allowed in an answer'),
    'err.answer.no_catalog': ('{q}：没有资料目录，无法核对 {value}', '{q}：沒有資料目錄，無法核對 {value}', '{q}: {value} cannot be checked without the catalog'),
    'err.set_syntax': ('--set {item}：格式应为 编号=值（ID=VALUE）', '--set {item}：格式應為 編號=值（ID=VALUE）', '--set {item}: expected ID=VALUE'),
    'err.answers_file': ('无法读取答案文件：{why}', '無法讀取答案文件：{why}', 'cannot read answers file: {why}'),
    'err.answers_file_shape': ('{path}：应为“题目编号: 回答”的映射', '{path}：應為「題目編號: 回答」的映射', '{path}: expected a mapping of question id to answer'),
    'err.answers_file_value': ('{path}：{name}：应为单个值', '{path}：{name}：應為單個值', '{path}: {name}: expected a plain value'),
    'err.unknown_question': ('未知的题目编号 {q}（见 `hanban questions`）', '未知的題目編號 {q}（見 `hanban questions`）', 'unknown question id {q} (see `hanban questions`)'),
    'err.no_terminal': ('没有终端可供提问；请用 --set 编号=值 或 --answers 文件 回答以下问题：', '沒有終端可供提問；請用 --set 編號=值 或 --answers 文件 回答以下問題：', 'no terminal to ask the remaining questions; answer them with --set ID=VALUE or --answers FILE:'),
    'allowed.one_of': ('以下之一：{values}', '以下之一：{values}', 'one of: {values}'),
    'allowed.service': ('事项编号或名称（见 `hanban list`）', '事項編號或名稱（見 `hanban list`）', 'a service id or name (see `hanban list`)'),
    'allowed.number_range': ('{lo} 至 {hi} 之间的整数', '{lo} 至 {hi} 之間的整數', 'a whole number {lo}..{hi}'),
    'allowed.number_min': ('不小于 {lo} 的整数', '不小於 {lo} 的整數', 'a whole number {lo}..'),
    'allowed.number_max': ('不大于 {hi} 的整数', '不大於 {hi} 的整數', 'a whole number ..{hi}'),
    'allowed.number': ('整数', '整數', 'a whole number'),
    'allowed.text': ('任意文字', '任意文字', 'any text'),
    'err.no_service': ('没有名为 {query} 的事项；可试试 `hanban list` 或 `hanban search`', '沒有名為 {query} 的事項；可試試 `hanban list` 或 `hanban search`', 'no service called {query}; try `hanban list` or `hanban search`'),
    'err.no_service_short': ('没有名为 {query} 的事项', '沒有名為 {query} 的事項', 'no service called {query}'),
    'msg.did_you_mean': ('您是不是要找：{ids}？', '您是不是要找：{ids}？', 'did you mean: {ids}?'),
    'msg.closest': ('hanban：没有名为 {query} 的事项，已改用最接近的 {id}（{name}）', 'hanban：沒有名為 {query} 的事項，已改用最接近的 {id}（{name}）', 'hanban: no service is called {query}; using the closest match, {id} ({name})'),
    'msg.and_more': ('……另有 {n} 个', '……另有 {n} 個', '... and {n} more'),
    'msg.catalog_problems': ('hanban：资料目录有 {n} 个问题；运行 `hanban validate` 查看详情', 'hanban：資料目錄有 {n} 個問題；運行 `hanban validate` 查看詳情', 'hanban: the catalog has {n} problem(s); run `hanban validate` for details'),
    'msg.interrupted': ('hanban：已中断', 'hanban：已中斷', 'hanban: interrupted'),
    'err.limit': ('{value} 不是大于等于 1 的整数', '{value} 不是大於等於 1 的整數', '{value} is not a whole number of at least 1'),
    'msg.no_hit': ('hanban：没有与 {query} 相符的事项；可换个说法，或用 `hanban list` 查看全部', 'hanban：沒有與 {query} 相符的事項；可換個說法，或用 `hanban list` 查看全部', 'hanban: no service matches {query}; try other words, or `hanban list`'),
    'msg.no_filter_match': ('hanban：没有符合这些条件的事项', 'hanban：沒有符合這些條件的事項', 'hanban: no service matches these filters'),
    'msg.problems_found': ('hanban：发现 {n} 个问题', 'hanban：發現 {n} 個問題', 'hanban: {n} problem(s) found'),
    'msg.catalog_ok': ('hanban：资料目录无误：{services} 项事项、{measures} 条措施、{places} 个办理地点、{documents} 类证件；{quotes}', 'hanban：資料目錄無誤：{services} 項事項、{measures} 條措施、{places} 個辦理地點、{documents} 類證件；{quotes}', 'hanban: catalog OK: {services} services, {measures} measures, {places} places, {documents} document kinds; {quotes}'),
    'msg.quotes_checked': ('引文已核对', '引文已核對', 'quotes checked'),
    'msg.quotes_not_checked': ('引文未核对（用 --seeds）', '引文未核對（用 --seeds）', 'quotes not checked (use --seeds)'),
    'msg.ignored': ('hanban：已忽略（您的情况不涉及这些问题）：{answers}', 'hanban：已忽略（您的情況不涉及這些問題）：{answers}', 'hanban: ignored (the flow does not ask these for your case): {answers}'),
    'msg.answers_saved': ('hanban：回答已保存到 {path}', 'hanban：回答已保存到 {path}', 'hanban: answers saved to {path}'),
    'msg.checklist_written': ('hanban：清单已写入 {path}', 'hanban：清單已寫入 {path}', 'hanban: checklist written to {path}'),
    'msg.index_fallback': ('hanban：{why}', 'hanban：{why}', 'hanban: {why}'),
    'err.lang': ('未知的语言 {value}；可用：zh-Hans（简体）、zh-Hant（繁体）、en（英文）', '未知的語言 {value}；可用：zh-Hans（簡體）、zh-Hant（繁體）、en（英文）', 'unknown language {value}; use one of: zh-Hans, zh-Hant, en'),
    'questions.service_choices': ('（共 {n} 项事项之一：见 `hanban list`）', '（共 {n} 項事項之一：見 `hanban list`）', '(one of the {n} services: see `hanban list`)'),
    'questions.when': ('条件', '條件', 'when'),
    'help.app': ('哪些公安政务服务可以在哪里办、怎么办：一窗通办、全程网办、跨省通办——依据公安部2023年8月的26条措施及其来源。', '哪些公安政務服務可以在哪裡辦、怎麼辦：一窗通辦、全程網辦、跨省通辦——依據公安部2023年8月的26條措施及其來源。', "Which public-security services you can get done where, and how: one window (一窗通办), fully online (全程网办), across provinces (跨省通办) — from the Ministry of Public Security's 26 measures of August 2023 and the sources behind them."),
    'help.opt.catalog': ('在内置资料目录之上加一个补充目录（可重复；也可用 HANBAN_CATALOG，路径列表）。同一编号的事项会替换内置的。', '在內置資料目錄之上加一個補充目錄（可重複；也可用 HANBAN_CATALOG，路徑列表）。同一編號的事項會替換內置的。', 'Add a catalog overlay folder on top of the built-in catalog (repeatable; also HANBAN_CATALOG, a path list). A service with the same id replaces the built-in one.'),
    'help.opt.lang': ('输出的语言（默认按系统区域设置：zh_CN/zh_SG 为简体，zh_TW/zh_HK/zh_MO 为繁体，其他为英文）。可放在命令前或后。', '輸出的語言（默認按系統區域設置：zh_CN/zh_SG 為簡體，zh_TW/zh_HK/zh_MO 為繁體，其他為英文）。可放在命令前或後。', 'Language of the output (default: from the locale: zh_CN/zh_SG -> zh-Hans, zh_TW/zh_HK/zh_MO -> zh-Hant, anything else -> en). Before or after the command.'),
    'help.opt.version': ('显示版本并退出。', '顯示版本並退出。', 'Show the version and exit.'),
    'help.opt.help': ('显示此帮助并退出。', '顯示此幫助並退出。', 'Show this message and exit.'),
    'help.opt.install_completion': ('为当前的 shell 安装命令补全。', '為當前的 shell 安裝命令補全。', 'Install completion for the current shell.'),
    'help.opt.show_completion': ('显示当前 shell 的补全脚本，以便复制或自定义安装。', '顯示當前 shell 的補全腳本，以便複製或自定義安裝。', 'Show completion for the current shell, to copy it or customize the installation.'),
    'help.cmd.list': ('列出事项；筛选条件同时满足（AND）。', '列出事項；篩選條件同時滿足（AND）。', 'List services; the filters combine with AND.'),
    'help.cmd.show': ('完整显示一个事项：办理渠道、材料、去哪里办、资料来源。', '完整顯示一個事項：辦理渠道、材料、去哪裡辦、資料來源。', 'Show one service in full: channels, documents, where to go, sources.'),
    'help.cmd.measures': ('列出2023年8月的26条措施及各自涉及的事项。', '列出2023年8月的26條措施及各自涉及的事項。', 'List the 26 measures of August 2023 and the services each touches.'),
    'help.cmd.validate': ('按格式和引用检查资料目录文件；每个问题一行。', '按格式和引用檢查資料目錄文件；每個問題一行。', 'Check catalog files against the schema and their references; one line per problem.'),
    'help.cmd.search': ('按名称、别名、术语或内容查找事项：身份证丢了、身分證補領、“lost ID card”、shenfenzheng。', '按名稱、別名、術語或內容查找事項：身份證丟了、身分證補領、「lost ID card」、shenfenzheng。', 'Find services by name, alias, glossary term, text or pinyin: 身份证丢了, 身分證補領, "lost ID card", shenfenzheng.'),
    'help.cmd.ask': ('回答几个问题，得到适合您的办事清单：怎么办、去哪里办、带什么、步骤、来源。', '回答幾個問題，得到適合您的辦事清單：怎麼辦、去哪裡辦、帶什麼、步驟、來源。', 'Answer a few questions and get a checklist for your case: channels, where, what to bring, steps, sources.'),
    'help.cmd.questions': ('列出向导的问题：编号、提问、类型、选项和提问条件。', '列出嚮導的問題：編號、提問、類型、選項和提問條件。', "List the wizard's questions: id, prompt, type, choices and the condition for asking."),
    'help.list.cross_province': ('只列可跨省通办的事项。', '只列可跨省通辦的事項。', 'Only services available across provinces (跨省通办).'),
    'help.list.fully_online': ('只列可全程网办的事项。', '只列可全程網辦的事項。', 'Only services available fully online (全程网办).'),
    'help.list.one_window': ('只列可一窗通办的事项。', '只列可一窗通辦的事項。', 'Only services available at one window (一窗通办).'),
    'help.list.json': ('输出事项对象的 JSON 数组。', '輸出事項對象的 JSON 數組。', 'Print a JSON array of service objects.'),
    'help.show.service': ('事项编号、任一文字的名称或别名；明显最接近的近似名称也会采用（并说明）。', '事項編號、任一文字的名稱或別名；明顯最接近的近似名稱也會採用（並說明）。', 'A service id, its name in any script, or an alias; a clear near miss is taken (and said so).'),
    'help.show.json': ('以 JSON 输出完整的事项对象。', '以 JSON 輸出完整的事項對象。', 'Print the full service object as JSON.'),
    'help.measures.json': ('输出26条措施的 JSON 数组。', '輸出26條措施的 JSON 數組。', 'Print a JSON array of the 26 measures.'),
    'help.validate.paths': ('要检查的文件或目录（默认：资料目录及其补充目录）。', '要檢查的文件或目錄（默認：資料目錄及其補充目錄）。', 'Files or folders to check (default: the catalog and its overlays).'),
    'help.validate.seeds': ('再对照目录中的来源文本逐字核对每条引文（也可用 HANBAN_SEEDS）。', '再對照目錄中的來源文本逐字核對每條引文（也可用 HANBAN_SEEDS）。', 'Also check every quote verbatim against the seed texts in DIR (also HANBAN_SEEDS).'),
    'help.search.query': ('您会怎么称呼这个事项：简体、繁体、英文或拼音都行（多个词会合起来）。', '您會怎麼稱呼這個事項：簡體、繁體、英文或拼音都行（多個詞會合起來）。', 'What you would call the service, in any script, English or pinyin (words are joined).'),
    'help.search.json': ('输出 {id, name, score, matched} 的 JSON 数组。', '輸出 {id, name, score, matched} 的 JSON 數組。', 'Print a JSON array of {id, name, score, matched}.'),
    'help.search.limit': ('最多显示 N 个结果。', '最多顯示 N 個結果。', 'Show at most N matches.'),
    'help.ask.set': ('不经提问直接回答一题（可重复）；--set service=编号 可按编号或名称选择事项。', '不經提問直接回答一題（可重複）；--set service=編號 可按編號或名稱選擇事項。', 'Answer a question without being asked (repeatable); --set service=ID picks the service by id or name.'),
    'help.ask.answers': ('从 YAML 文件读取回答（例如 --save-answers 写的文件）。', '從 YAML 文件讀取回答（例如 --save-answers 寫的文件）。', 'Read answers from a YAML file (e.g. one written by --save-answers).'),
    'help.ask.json': ('以 JSON 输出清单：{service, answers, channels, items, sources, as_of}。', '以 JSON 輸出清單：{service, answers, channels, items, sources, as_of}。', 'Print the checklist as JSON: {service, answers, channels, items, sources, as_of}.'),
    'help.ask.output': ('同时把清单写入文件：Markdown（.md）、HTML（.html）或 JSON（.json）。', '同時把清單寫入文件：Markdown（.md）、HTML（.html）或 JSON（.json）。', 'Also write the checklist to FILE: Markdown (.md), HTML (.html) or JSON (.json).'),
    'help.ask.force': ('覆盖已存在的 --output / --save-answers 文件。', '覆蓋已存在的 --output / --save-answers 文件。', 'Overwrite --output / --save-answers files that exist.'),
    'help.ask.save_answers': ('把向导问过的回答写入文件（YAML），以后用 --answers 重放。', '把嚮導問過的回答寫入文件（YAML），以後用 --answers 重放。', 'Write the answers the flow asked to FILE (YAML), for --answers later.'),
    'help.questions.json': ('输出问题的 JSON 数组。', '輸出問題的 JSON 數組。', 'Print a JSON array of questions.'),
    'help.questions.service': ('只列这个事项的流程可能问到的问题。', '只列這個事項的流程可能問到的問題。', "Only the questions this service's flow can ask."),
    'help.questions.graph': ('以 Mermaid 流程图输出流程。', '以 Mermaid 流程圖輸出流程。', 'Print the flow as a Mermaid flowchart.'),
    'metavar.dir': ('目录', '目錄', 'DIR'),
    'metavar.file': ('文件', '文件', 'FILE'),
    'metavar.service': ('事项', '事項', 'SERVICE'),
    'metavar.query': ('查询词', '查詢詞', 'QUERY'),
    'metavar.id_value': ('编号=值', '編號=值', 'ID=VALUE'),
    'metavar.id': ('编号', '編號', 'ID'),
    'metavar.path': ('[路径]...', '[路徑]...', '[PATH]...'),
    'metavar.n': ('N', 'N', 'N'),
    'metavar.options': ('[选项]', '[選項]', '[OPTIONS]'),
    'metavar.command': ('命令 [参数]...', '命令 [參數]...', 'COMMAND [ARGS]...'),
    'usage.usage': ('用法：', '用法：', 'Usage: '),
    'usage.options': ('选项', '選項', 'Options'),
    'usage.arguments': ('参数', '參數', 'Arguments'),
    'usage.commands': ('命令', '命令', 'Commands'),
    'usage.default': ('[默认：{value}]', '[默認：{value}]', '[default: {value}]'),
    'usage.required': ('[必填]', '[必填]', '[required]'),
    'usage.try_help': ("运行 '{command} {option}' 查看帮助。", "運行 '{command} {option}' 查看幫助。", "Try '{command} {option}' for help."),
    'usage.error': ('错误：{message}', '錯誤：{message}', 'Error: {message}'),
    'usage.no_such_option': ('没有这个选项：{option}', '沒有這個選項：{option}', 'No such option: {option}'),
    'usage.did_you_mean': ('（您是不是要用：{options}？）', '（您是不是要用：{options}？）', '(Possible options: {options})'),
    'usage.missing_argument': ('缺少参数 {name}。', '缺少參數 {name}。', "Missing argument '{name}'."),
    'usage.missing_option': ('缺少选项 {name}。', '缺少選項 {name}。', "Missing option '{name}'."),
    'usage.bad_value': ('{name} 的值无效：{message}', '{name} 的值無效：{message}', 'Invalid value for {name}: {message}'),
    'usage.needs_value': ('选项 {option} 需要一个值。', '選項 {option} 需要一個值。', "Option '{option}' requires an argument."),
    'usage.no_value': ('选项 {option} 不接受值。', '選項 {option} 不接受值。', "Option '{option}' does not take a value."),
    'usage.extra_arguments': ('多余的参数：{args}', '多餘的參數：{args}', 'Got unexpected extra argument(s) ({args})'),
    'usage.no_such_command': ('没有这个命令：{name}。', '沒有這個命令：{name}。', "No such command '{name}'."),
    'usage.missing_command': ('缺少命令。', '缺少命令。', 'Missing command.'),
    'w.progress_first': ('第{n}题', '第{n}題', 'question {n}'),
    'w.type_to_find': ('（可输入中文、拼音或英文查找；上下键选择，回车确认）', '（可輸入中文、拼音或英文查找；上下鍵選擇，回車確認）', '(type Chinese, pinyin or English to find it; arrow keys to move, Enter to choose)'),
    'w.enter_default': ('（直接回车：{label}）', '（直接回車：{label}）', '(Enter alone: {label})'),
    'w.pick_from_list': ('请从列表中选一项（可输入中文、拼音或英文）', '請從列表中選一項（可輸入中文、拼音或英文）', 'Choose one from the list (type Chinese, pinyin or English)'),
    'w.nothing_found': ('没有找到与“{text}”相符的事项。请换个说法，例如：身份证丢了、开无犯罪证明、shenfenzheng、lost ID card。', '沒有找到與「{text}」相符的事項。請換個說法，例如：身份證丟了、開無犯罪證明、shenfenzheng、lost ID card。', 'Nothing matches “{text}”. Try other words, e.g. lost ID card, police clearance, residence permit, 身份证丢了.'),
    'w.which_one': ('您要办的是哪一项？', '您要辦的是哪一項？', 'Which of these do you mean?'),
    'w.none_of_these': ('都不是，重新输入', '都不是，重新輸入', 'None of these: type again'),
    'w.need_something': ('请输入要办的事，例如：身份证丢了', '請輸入要辦的事，例如：身份證丟了', 'Type what you need to get done, e.g. lost ID card'),
    'w.summary': ('您的回答：', '您的回答：', 'Your answers:'),
    'w.change_n': ('修改第{n}项：{prompt}', '修改第{n}項：{prompt}', 'Change {n}: {prompt}'),
    # limits of what a catalog may hold (README, "Limits")
    'err.too_many_questions': ('问题共 {n} 个，上限为 {limit} 个', '問題共 {n} 個，上限為 {limit} 個', '{n} questions; the limit is {limit}'),
    'err.flow_too_intricate': ('到问题 {q} 为止，后续条件需要区分的回答组合有 {n} 种，超过上限 {limit} 种：请简化条件（让每个条件只读取少数几个先前的回答）', '到問題 {q} 為止，後續條件需要區分的回答組合有 {n} 種，超過上限 {limit} 種：請簡化條件（讓每個條件只讀取少數幾個先前的回答）', 'up to question {q}, later conditions tell apart {n} combinations of answers, over the limit of {limit}: simplify the conditions (each reading only a few earlier answers)'),
    'err.unsafe_file_name': ('文件名含有控制字符或不可见字符 {char}：请重命名该文件', '文件名含有控制字符或不可見字符 {char}：請重命名該文件', 'the name holds {char}, a control or invisible character: rename it'),
    'err.unsafe_name': ('名称含有控制字符、不可见字符或换行 {char}（可用来伪造相似的名称）', '名稱含有控制字符、不可見字符或換行 {char}（可用來偽造相似的名稱）', 'a name may not hold {char} (a control or invisible character, tab or newline: they make look-alike names)'),
    'err.query_too_long': ('查询超过 {limit} 个字符：请用更少的字词描述要办的事项', '查詢超過 {limit} 個字符：請用更少的字詞描述要辦的事項', 'the query is longer than {limit} characters; describe the service in fewer words'),
    'enc.cannot_show': ('终端的字符集（{encoding}）无法显示部分字符（包括中文），已显示为“?”。请使用 UTF-8 区域设置（如 LANG=C.UTF-8）或设置 PYTHONIOENCODING=utf-8。', '終端的字符集（{encoding}）無法顯示部分字符（包括中文），已顯示為「?」。請使用 UTF-8 區域設置（如 LANG=C.UTF-8）或設置 PYTHONIOENCODING=utf-8。', "this terminal's character set ({encoding}) cannot show some characters (Chinese among them); they were printed as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8."),
    # --output and --save-answers
    'out.exists': ('{path} 已存在；如要覆盖请加 --force', '{path} 已存在；如要覆蓋請加 --force', '{path} already exists; use --force to overwrite it'),
    'out.folder': ('{path} 是文件夹', '{path} 是文件夾', '{path} is a folder'),
    'out.symlink': ('{path} 是符号链接：只写入普通文件（请删除该链接或换一个文件名）', '{path} 是符號鏈接：只寫入普通文件（請刪除該鏈接或換一個文件名）', '{path} is a symbolic link: hanban writes only regular files (remove the link or choose another name)'),
    'out.not_regular': ('{path} 不是普通文件（是管道、设备或套接字）：只写入普通文件', '{path} 不是普通文件（是管道、設備或套接字）：只寫入普通文件', '{path} is not a regular file (a pipe, device or socket): hanban writes only regular files'),
    'out.cannot_write': ('无法写入 {path}：{why}', '無法寫入 {path}：{why}', 'cannot write {path}: {why}'),
    'out.unknown_format': ('{path}：未知的输出格式；请使用 .md、.html 或 .json 文件名', '{path}：未知的輸出格式；請使用 .md、.html 或 .json 文件名', '{path}: unknown output format; use a .md, .html or .json file name'),
    'out.answers_suffix': ('{path}：回答保存为 YAML，请使用 .yaml 或 .yml 文件名', '{path}：回答保存為 YAML，請使用 .yaml 或 .yml 文件名', '{path}: answers are saved as YAML; use a .yaml or .yml file name'),
    'out.no_folder': ('{path}：文件夹不存在', '{path}：文件夾不存在', '{path}: the folder does not exist'),
    # the catalog index (cache)
    'cache.folder_unusable': ('无法使用目录索引文件夹 {folder}（{why}）；直接读取目录', '無法使用目錄索引文件夾 {folder}（{why}）；直接讀取目錄', 'cannot use the catalog index folder {folder} ({why}); loading the catalog directly'),
    'cache.unwritable': ('无法在 {folder} 中写入目录索引（{why}）；直接读取目录', '無法在 {folder} 中寫入目錄索引（{why}）；直接讀取目錄', 'cannot write the catalog index in {folder} ({why}); loading the catalog directly'),
    'cache.not_yours': ('{path} 属于另一个用户（uid {uid}），不予信任；直接读取目录', '{path} 屬於另一個用戶（uid {uid}），不予信任；直接讀取目錄', '{path} belongs to another user (uid {uid}) and is not trusted; loading the catalog directly'),
    'cache.folder_open': ('目录索引文件夹 {folder} 其他用户也可写入（权限 {mode}，无粘滞位），不予信任；直接读取目录（请执行 chmod 700）', '目錄索引文件夾 {folder} 其他用戶也可寫入（權限 {mode}，無粘滯位），不予信任；直接讀取目錄（請執行 chmod 700）', 'the catalog index folder {folder} can be written by other users (mode {mode}, no sticky bit) and is not trusted; loading the catalog directly (chmod 700 it)'),
    'cache.not_a_file': ('{path} 不是普通文件（可能是符号链接），不予打开；直接读取目录', '{path} 不是普通文件（可能是符號鏈接），不予打開；直接讀取目錄', '{path} is not a regular file (a symbolic link?) and is not opened; loading the catalog directly'),
    'cache.full': ('{folder} 所在磁盘已满，无法更新目录索引（{why}）；直接读取目录', '{folder} 所在磁盤已滿，無法更新目錄索引（{why}）；直接讀取目錄', 'the disk under {folder} is full: the catalog index cannot be updated ({why}); loading the catalog directly'),
    'cache.busy': ('另一个 hanban 占用目录索引已超过 {seconds} 秒；直接读取目录', '另一個 hanban 佔用目錄索引已超過 {seconds} 秒；直接讀取目錄', 'another hanban has held the catalog index for over {seconds} seconds; loading the catalog directly'),
    'cache.waiting': ('正在等待另一个 hanban 更新目录索引（{path}；最多 {seconds} 秒）……', '正在等待另一個 hanban 更新目錄索引（{path}；最多 {seconds} 秒）……', 'waiting for another hanban that is updating the catalog index ({path}; at most {seconds} seconds)...'),
    'cache.in_use': ('目录索引 {path} 需要重建，但另一个 hanban 正在使用；这次直接读取目录', '目錄索引 {path} 需要重建，但另一個 hanban 正在使用；這次直接讀取目錄', 'the catalog index {path} needs rebuilding but another hanban is using it; loading the catalog directly this time'),
    'cache.damaged': ('{folder} 中的目录索引已损坏，且无法重建；直接读取目录', '{folder} 中的目錄索引已損壞，且無法重建；直接讀取目錄', 'the catalog index in {folder} is damaged and could not be rebuilt; loading the catalog directly'),
    'cache.damaged_again': ('目录索引重建后仍无法读取（{why}）；请执行 `hanban cache clear` 后重试', '目錄索引重建後仍無法讀取（{why}）；請執行 `hanban cache clear` 後重試', 'the catalog index could not be read even after it was rebuilt ({why}); run `hanban cache clear` and try again'),
    'cache.busy_reading': ('另一个 hanban 长时间占用目录索引；请稍后重试', '另一個 hanban 長時間佔用目錄索引；請稍後重試', 'another hanban has held the catalog index too long; try again later'),
    'cache.info_folder': ('缓存文件夹：{folder}', '緩存文件夾：{folder}', 'cache folder: {folder}'),
    'cache.info_used': ('最近使用 {date}', '最近使用 {date}', 'used {date}'),
    'cache.info_total': ('共 {n} 个索引，{size}。索引 {days} 天未使用即删除；全部超过 {cap} 时，先删除最久未用的；`hanban cache clear` 立即全部删除。', '共 {n} 個索引，{size}。索引 {days} 天未使用即刪除；全部超過 {cap} 時，先刪除最久未用的；`hanban cache clear` 立即全部刪除。', '{n} index file(s), {size} in all. An index unused for {days} days is deleted, and the least recently used while all pass {cap}; `hanban cache clear` deletes them now.'),
    'cache.cleared': ('已删除 {n} 个目录索引（{size}）；下一个命令会重新编译所需的索引', '已刪除 {n} 個目錄索引（{size}）；下一個命令會重新編譯所需的索引', 'deleted {n} catalog index file(s) ({size}); the next command compiles the one it needs again'),
    'cache.kept_in_use': ('{n} 个索引正被另一个 hanban 使用，予以保留', '{n} 個索引正被另一個 hanban 使用，予以保留', 'kept {n} index file(s) another hanban is using'),
    'help.cmd.cache': ('缓存文件夹中编译好的目录索引：查看与删除。', '緩存文件夾中編譯好的目錄索引：查看與刪除。', 'The compiled catalog indexes in the cache folder: what is there, and deleting them.'),
    'help.cmd.cache.info': ('显示缓存文件夹、其中每个索引（大小、最近使用、对应的目录）以及删除规则。', '顯示緩存文件夾、其中每個索引（大小、最近使用、對應的目錄）以及刪除規則。', 'Show the cache folder, each index in it (size, last use, catalog folders) and the rules that delete them.'),
    'help.cmd.cache.clear': ('删除缓存文件夹中的所有索引（下一个命令会重新编译）。', '刪除緩存文件夾中的所有索引（下一個命令會重新編譯）。', 'Delete every index in the cache folder (the next command builds its index again).'),
    'help.cache.info.json': ('以 JSON 对象输出同样的内容。', '以 JSON 對象輸出同樣的內容。', 'Print the same as a JSON object.'),
}
