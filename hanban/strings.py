"""The one table of interface words: every word hanban prints that does not come from the catalog.

Each entry holds the three scripts hanban speaks, written out (no conversion at run time):
Simplified Chinese (zh-Hans), Traditional Chinese (zh-Hant) and English (en). Catalog text (service
names, facts, quotes) is not here: it comes from the catalog files, with its own Traditional form.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any, Literal

Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")
_COLUMN = {"zh-Hans": 0, "zh-Hant": 1, "en": 2}


def lang_from_locale(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the environment asks for: HANBAN_LANG (zh-Hans, zh-Hant or en, read like --lang),
    else the locale as gettext reads it (`locale_lang`)."""
    env = os.environ if environ is None else environ
    chosen = env_lang(env)
    return chosen if chosen is not None else locale_lang(env)


def env_lang(environ: Mapping[str, str]) -> Lang | None:
    """HANBAN_LANG's language; None when it is unset, empty or names none hanban speaks."""
    value = environ.get("HANBAN_LANG", "").strip()
    try:
        return parse_lang(value) if value else None
    except ValueError:
        return None


def locale_lang(environ: Mapping[str, str]) -> Lang:
    """The locale's language, read as gettext reads it: LANGUAGE (a colon-separated list, first
    entry hanban speaks, else English) wins over LC_ALL, LC_MESSAGES and LANG unless the locale they set is C or
    POSIX (or none is set); zh_CN/zh_SG (or zh_Hans, plain zh) -> zh-Hans, zh_TW/zh_HK/zh_MO (or
    zh_Hant) -> zh-Hant, anything else -> en (English serves a German or a French reader better
    than Chinese)."""
    locale = next((environ[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(var)), "")
    if locale not in ("", "C", "POSIX") and environ.get("LANGUAGE"):
        # (as gettext: no entry hanban speaks means the untranslated words, which are English)
        return next((lang for lang in map(_tag_lang, environ["LANGUAGE"].split(":")) if lang is not None), "en")
    return _tag_lang(locale.split(":")[0]) or "en"


def _tag_lang(tag: str) -> Lang | None:
    """zh_TW.UTF-8 -> zh-Hant, zh_CN / zh -> zh-Hans, en_GB / C -> en; None for a language hanban does not speak."""
    low = tag.strip().lower().replace("-", "_")
    if low.startswith("zh"):
        return "zh-Hant" if any(part in low for part in ("_tw", "_hk", "_mo", "hant")) else "zh-Hans"
    if low in ("c", "posix") or low.startswith(("en", "c.")):
        return "en"
    return None


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


def render(key: str, lang: Lang, /, **fmt: object) -> str:
    """The string `key` in `lang`, always formatted (a literal brace is written doubled), with two
    conversions for the values a message names: `{value!q}` quotes a value as each script does
    (English: Python's repr, 'x'; Chinese: “x” and 「x」, with the same escapes; a number or boolean
    stays bare), `{choices!l}` joins a list with the script's separator (`, ` or `、`)."""
    text: str = _formatter()(lang).vformat(WORDS[key][_COLUMN[lang]], (), fmt)
    return text


@functools.cache
def _formatter() -> Any:
    """The formatter class of `render` (made on first use: the `string` module costs start-up time,
    and most runs render no message)."""
    import string

    class Formatter(string.Formatter):
        def __init__(self, lang: Lang) -> None:
            self.lang = lang

        def convert_field(self, value: object, conversion: str | None) -> object:
            if conversion == "q":
                return quote(value, self.lang)
            if conversion == "l":
                assert isinstance(value, (list, tuple))
                return word("punct.list_sep", self.lang).join(str(v) for v in value)
            return super().convert_field(value, conversion)

    return Formatter


_QUOTES = {"zh-Hans": ("“", "”"), "zh-Hant": ("「", "」")}


def quote(value: object, lang: Lang) -> str:
    """A value named in a message, quoted as `lang` quotes: repr in English; a string between
    Chinese quotes, escaped as repr escapes it (newline, tab, unprintable characters)."""
    if lang not in _QUOTES or not isinstance(value, str):
        return repr(value)
    left, right = _QUOTES[lang]
    return f"{left}{repr(value)[1:-1]}{right}"


def labeled(label: str, value: str, lang: Lang) -> str:
    """`label: value` with the colon each script writes (full-width in Chinese, no space after)."""
    return f"{label}{word('punct.colon', lang)}{value}"


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
    'show.figures': ('进展数据', '進展資料', 'Figures'),
    'show.measures': ('相关措施', '相關措施', 'Measures'),
    'show.sources': ('资料来源', '資料來源', 'Sources'),
    'show.as_of': ('资料截至', '資料截至', 'Information as of'),
    'show.regions': ('地区', '地區', 'Regions'),
    'show.check_local': ('资料未说明：请向当地公安机关确认', '資料未說明：請向當地公安機關確認', 'not stated: check with the local office'),
    'show.category': ('类别', '類別', 'Category'),
    'show.audience': ('适用对象', '適用對象', 'For'),
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
    'cl.verdict.nationwide': ('全国推行', '全國推行', 'nationwide'),
    'cl.verdict.pilot': ('试点', '試點', 'pilot'),
    'cl.verdict.exploring': ('探索中', '探索中', 'being explored'),
    'cl.verdict.offered': ('正在推行，范围资料未说明', '正在推行，範圍資料未說明', 'being rolled out; how widely is not stated'),
    'cl.verdict.no': ('不适用', '不適用', 'no'),
    'cl.verdict.depends': ('视情况而定', '視情況而定', 'it depends'),
    'cl.verdict.not_stated': ('资料未说明', '資料未說明', 'not stated'),
    'cl.channel_check_local': ('资料未说明这一渠道，请向当地公安机关确认。', '資料未說明這一渠道，請向當地公安機關確認。', 'the sources do not mention this channel: check with the local office.'),
    'cl.policy_ending': ('{fact}（{note}）', '{fact}（{note}）', '{fact} ({note})'),
    'cl.policy_ended': ('已到期，这里不再算作可用：“{policy}”按公布的安排已于{until}到期。是否已延期，请向{where}核实。', '已到期，這裡不再算作可用：「{policy}」按公佈的安排已於{until}到期。是否已延期，請向{where}核實。', 'Ended, so not counted here: “{policy}” was announced to end on {until}. Check with the {where} whether it has been extended.'),
    'cl.policy_ends': ('“{policy}”按公布的安排将于{until}到期（还有{n}天）。是否延期，请向{where}核实。', '「{policy}」按公佈的安排將於{until}到期（還有{n}天）。是否延期，請向{where}核實。', '“{policy}” is announced to end on {until} ({n} days from now). Check with the {where} whether it is extended.'),
    'cl.check_issuer': ('办理机关', '辦理機關', 'the office that handles it'),
    'cl.reported': ('据{outlets}报道（未见政府网站或官方媒体来源，请核实）：{fact}', '據{outlets}報道（未見政府網站或官方媒體來源，請核實）：{fact}', 'Reported by {outlets} (no government or state source found; check): {fact}'),
    'cl.pilot_warning': ('{channel}属于{status}，并非各地都已开通{regions}：办理前请向当地公安机关确认。', '{channel}屬於{status}，並非各地都已開通{regions}：辦理前請向當地公安機關確認。', '{channel} is a {status}, not offered everywhere yet{regions}: check with the local office before you rely on it.'),
    'cl.may_be_exempt_note': ('关于“可能免交”的公安证照：“免交证、办成事”改革正在推进（能减则减、能免则免），各地进度不一，不确定时请带上。', '關於「可能免交」的公安證照：「免交證、辦成事」改革正在推進（能減則減、能免則免），各地進度不一，不確定時請帶上。', 'About the police-issued documents you may not have to hand in: the 免交证 reform (“reduce what can be reduced, waive what can be waived”) is under way and local progress varies, so bring them if unsure.'),
    'cl.exempt': ('{name}：无需提交。', '{name}：無需提交。', '{name}: not needed.'),
    'cl.bring_unsure': ('{name}（是否需要资料未说明：请带上）', '{name}（是否需要資料未說明：請帶上）', '{name} (whether it is needed is not stated: bring it)'),
    'cl.bring_not_stated': ('资料未说明需携带哪些材料：请向当地公安机关确认。', '資料未說明需攜帶哪些材料：請向當地公安機關確認。', 'The sources do not say what to bring: check with the local office.'),
    'cl.where_not_stated': ('资料未说明办理地点：请向当地公安机关确认。', '資料未說明辦理地點：請向當地公安機關確認。', 'The sources do not say where to go: check with the local office.'),
    'cl.figure': ('{text}（数据截至{as_of}）', '{text}（資料截至{as_of}）', '{text} (figure as of {as_of})'),
    'cl.channel_no_detail': ('资料未给出更多细节。', '資料未給出更多細節。', 'the sources give no more detail.'),
    'cl.channels_not_stated': ('{c}：资料没有提到这项服务可以这样办理，请向当地公安机关确认。', '{c}：資料沒有提到這項服務可以這樣辦理，請向當地公安機關確認。', '{c}: the sources do not mention these for this service; check with the local office.'),
    'cl.outcome.ask_locally': ('资料没有说明这项服务能否一窗通办、全程网办或跨省通办；请向当地派出所或公安机关确认怎样办理。', '資料沒有說明這項服務能否一窗通辦、全程網辦或跨省通辦；請向當地派出所或公安機關確認怎樣辦理。', 'The sources do not say whether this can be done at one window, fully online or across provinces; ask your local police station how to get it done.'),
    'cl.with_url': ('{n}（{url}）', '{n}（{url}）', '{n} ({url})'),
    'cl.see': ('{name}（hanban show {id}）', '{name}（hanban show {id}）', '{name} (hanban show {id})'),
    'cl.regions': ('地区：{r}', '地區：{r}', 'regions: {r}'),
    'cl.channel_line': ('{c}：{v}——{w}', '{c}：{v}——{w}', '{c}: {v} — {w}'),
    'cl.in_regions': ('（{r}）', '（{r}）', ' ({r})'),
    'cl.with_note': ('{n}（{note}）', '{n}（{note}）', '{n} ({note})'),
    'cl.place': ('{n}：{d}', '{n}：{d}', '{n}: {d}'),
    'cl.list_sep': ('、', '、', ', '),
    'cl.clause_sep': ('；', '；', '; '),
    'answer.yes': ('是', '是', 'Yes'),
    'answer.no': ('否', '否', 'No'),
    'h.title': ('办事清单', '辦事清單', 'Your checklist'),
    'h.answers': ('您的回答', '您的回答', 'Your answers'),
    'h.channel': ('您可以怎么办', '您可以怎麼辦', 'How you can get it done'),
    'h.warning': ('注意', '注意', 'Caveats'),
    'h.where': ('去哪里办', '去哪裡辦', 'Where to go'),
    'h.bring': ('需携带', '需攜帶', 'What to bring'),
    'h.may_be_exempt': ('如被要求提供，以下公安证照可能免交（不确定时请带上）', '如被要求提供，以下公安證照可能免交（不確定時請帶上）', 'Police-issued documents you may not have to hand in if asked for them (bring them if unsure)'),
    'h.step': ('步骤', '步驟', 'Steps'),
    'h.note': ('说明', '說明', 'Notes'),
    'h.outcome': ('结论', '結論', 'The answer for you'),
    'h.next': ('下一步', '下一步', 'Next steps'),
    'h.see': ('请改看', '請改看', 'Look at these instead'),
    'h.sources': ('资料来源', '資料來源', 'Sources'),
    'h.as_of': ('资料截至', '資料截至', 'Information as of'),
    'h.disclaimer': ('本清单依据所列资料生成；各地执行情况可能不同，请以当地公安机关为准。', '本清單依據所列資料生成；各地執行情況可能不同，請以當地公安機關為準。', 'This checklist is built from the sources listed; local practice may differ, so the local police have the final word.'),
    'html.cite': ('资料来源 {n}', '資料來源 {n}', 'Source {n}'),
    'html.back': ('返回正文中引用处', '返回正文中引用處', 'Back to where it is cited'),
    'html.back_n': ('返回正文中第 {k} 处引用', '返回正文中第 {k} 處引用', 'Back to citation {k} in the text'),
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
    'age.today': ('今天', '今天', 'today'),
    'age.day': ('{n}天前', '{n}天前', '{n} day ago'),
    'age.days': ('{n}天前', '{n}天前', '{n} days ago'),
    'age.month': ('{n}个月前', '{n}個月前', '{n} month ago'),
    'age.months': ('{n}个月前', '{n}個月前', '{n} months ago'),
    'age.year': ('{n}年前', '{n}年前', '{n} year ago'),
    'age.years': ('{n}年前', '{n}年前', '{n} years ago'),
    'age.warning': ('资料截至{date}（{ago}）：政策可能已有变化，请向当地公安机关确认。', '資料截至{date}（{ago}）：政策可能已有變化，請向當地公安機關確認。', 'As of {date}, {ago}: policies may have changed; check with the local office.'),
    'age.expired': ('已失效：有效期至{date}', '已失效：有效期至{date}', 'expired: in force until {date}'),
    'age.superseded': ('，已由“{by}”取代', '，已由「{by}」取代', '; replaced by “{by}”'),
    'age.ending': ('按公布的安排将于{date}到期（还有{n}天），请留意是否延期', '按公佈的安排將於{date}到期（還有{n}天），請留意是否延期', 'announced to end on {date} ({n} days from now): check whether it is extended'),
    'age.pending': ('尚未施行：自{date}起施行', '尚未施行：自{date}起施行', 'not yet in force: from {date}'),
    'show.published': ('{date}发布', '{date}發布', 'published {date}'),
    'show.untitled': ('（网页未显示标题）', '（網頁未顯示標題）', '(no title shown on the page)'),
    'list.ends': ('将于{date}到期', '將於{date}到期', 'ends {date}'),
    'show.flag': ('【{note}】', '【{note}】', '[{note}] '),
    'show.reviewed_on': ('核对于', '核對於', 'Reviewed on'),
    'show.service_expired': ('本事项{note}。', '本事項{note}。', 'This service is {note}.'),
    'list.hidden': ('另有{n}项已失效的事项未列出（加 --all 显示）', '另有{n}項已失效的事項未列出（加 --all 顯示）', '{n} expired service(s) not listed (--all lists them)'),
    'err.setting': ('环境变量 {var}={value} 无法使用：应为 {expected}', '環境變數 {var}={value} 無法使用：應為 {expected}', 'cannot use {var}={value}: expected {expected}'),
    'version.line': ('hanban {version}（资料目录 {catalog}，{n} 项服务，资料截至 {as_of}，最新来源 {newest}）', 'hanban {version}（資料目錄 {catalog}，{n} 項服務，資料截至 {as_of}，最新來源 {newest}）', 'hanban {version} (catalog {catalog}, {n} services, facts as of {as_of}, newest source {newest})'),
    'version.unversioned': ('无版本', '無版本', 'without a version'),
    'pack.refused': ('已拒绝，未做任何改动：{why}', '已拒絕，未做任何改動：{why}', 'refused, nothing changed: {why}'),
    'pack.manifest.json': ('{source}：manifest.json 不是有效的 JSON 对象', '{source}：manifest.json 不是有效的 JSON 物件', '{source}: manifest.json is not a valid JSON object'),
    'pack.manifest.field': ('{source}：manifest.json 缺少有效的“{name}”', '{source}：manifest.json 缺少有效的「{name}」', "{source}: manifest.json has no valid '{name}'"),
    'pack.manifest.entry': ('{source}：manifest.json 中“{name}”一项无效', '{source}：manifest.json 中「{name}」一項無效', "{source}: manifest.json has a bad entry for '{name}'"),
    'pack.err.format': ('{source}：资料包格式 {got} 比本版 hanban 能读的（{ours}）更新；请升级 hanban', '{source}：資料包格式 {got} 比本版 hanban 能讀的（{ours}）更新；請升級 hanban', '{source}: pack format {got} is newer than this hanban reads ({ours}); upgrade hanban'),
    'pack.err.min_version': ('{source} 需要 hanban {need} 或更新版本（当前为 {ours}）', '{source} 需要 hanban {need} 或更新版本（當前為 {ours}）', '{source} needs hanban {need} or newer (this is {ours})'),
    'pack.err.web_page': ('{source} 是网页，不是资料包（链接有误？）', '{source} 是網頁，不是資料包（連結有誤？）', '{source} is a web page, not a catalog pack (a wrong link?)'),
    'pack.err.not_pack': ('{source} 不是资料包（不是 .tar.gz 压缩包）', '{source} 不是資料包（不是 .tar.gz 壓縮包）', '{source} is not a catalog pack (not a .tar.gz archive)'),
    'pack.err.damaged': ('{source} 已损坏或不完整', '{source} 已損壞或不完整', '{source} is damaged or truncated'),
    'pack.err.no_manifest': ('{source} 中没有 manifest.json', '{source} 中沒有 manifest.json', '{source} has no manifest.json'),
    'pack.err.unlisted': ('{source}：“{name}”不在 manifest.json 中', '{source}：「{name}」不在 manifest.json 中', "{source}: '{name}' is not listed in manifest.json"),
    'pack.err.missing': ('{source}：manifest.json 列出的“{name}”不在包中', '{source}：manifest.json 列出的「{name}」不在包中', "{source}: '{name}' is in manifest.json but not in the archive"),
    'pack.err.hash': ('{source}：“{name}”与 manifest.json 中的 SHA-256 不符', '{source}：「{name}」與 manifest.json 中的 SHA-256 不符', "{source}: '{name}' does not match its SHA-256 in manifest.json"),
    'pack.err.too_many': ('{source} 的文件超过 {limit} 个', '{source} 的檔案超過 {limit} 個', '{source} holds more than {limit} files'),
    'pack.member.absolute': ('{source}：成员“{name}”是绝对路径', '{source}：成員「{name}」是絕對路徑', "{source}: member '{name}' is an absolute path"),
    'pack.member.parent': ('{source}：成员“{name}”含“..”，会写到资料包目录之外', '{source}：成員「{name}」含「..」，會寫到資料包目錄之外', "{source}: member '{name}' contains '..' and would be written outside the pack"),
    'pack.member.name': ('{source}：成员名“{name}”不允许（反斜杠、隐藏名）', '{source}：成員名「{name}」不允許（反斜槓、隱藏名）', "{source}: member name '{name}' is not allowed (a backslash or a hidden name)"),
    'pack.member.link': ('{source}：成员“{name}”是链接', '{source}：成員「{name}」是連結', "{source}: member '{name}' is a link"),
    'pack.member.special': ('{source}：成员“{name}”是设备或管道，不是普通文件', '{source}：成員「{name}」是裝置或管道，不是普通檔案', "{source}: member '{name}' is a device or pipe, not a regular file"),
    'pack.member.not_yaml': ('{source}：成员“{name}”不是 YAML 文件', '{source}：成員「{name}」不是 YAML 檔案', "{source}: member '{name}' is not a YAML file"),
    'pack.member.twice': ('{source}：成员“{name}”出现两次', '{source}：成員「{name}」出現兩次', "{source}: member '{name}' appears twice"),
    'pack.member.too_big': ('{source}：成员“{name}”过大', '{source}：成員「{name}」過大', "{source}: member '{name}' is too large"),
    'pack.err.scheme': ('{source}：只接受文件路径或 http://、https:// 网址', '{source}：只接受檔案路徑或 http://、https:// 網址', '{source}: only a file path or an http:// or https:// URL is accepted'),
    'pack.err.no_file': ('{source}：没有这个文件', '{source}：沒有這個檔案', '{source}: no such file'),
    'pack.err.read': ('无法读取 {source}：{why}', '無法讀取 {source}：{why}', 'cannot read {source}: {why}'),
    'pack.err.too_big': ('{source} 超过 {limit} 字节', '{source} 超過 {limit} 位元組', '{source} is larger than {limit} bytes'),
    'pack.err.http': ('{source}：服务器回答 HTTP {code} {reason}', '{source}：伺服器回答 HTTP {code} {reason}', '{source}: the server answered HTTP {code} {reason}'),
    'pack.err.timeout': ('{source}：{seconds} 秒内没有回应', '{source}：{seconds} 秒內沒有回應', '{source}: no answer within {seconds} s'),
    'pack.err.network': ('无法下载 {source}：{why}', '無法下載 {source}：{why}', 'cannot download {source}: {why}'),
    'pack.err.sha256_arg': ('--sha256 应为 64 个十六进制字符', '--sha256 應為 64 個十六進位字元', '--sha256 must be 64 hexadecimal characters'),
    'pack.err.digest': ('{source} 的 SHA-256 是 {got}，而不是 {want}', '{source} 的 SHA-256 是 {got}，而不是 {want}', '{source} has SHA-256 {got}, not {want}'),
    'pack.err.disk': ('无法在 {folder} 中安装资料包：{why}', '無法在 {folder} 中安裝資料包：{why}', 'cannot install the pack in {folder}: {why}'),
    'pack.err.busy': ('另一个 hanban 正在更新数据（{lock}）；请等它结束后再试', '另一個 hanban 正在更新資料（{lock}）；請等它結束後再試', 'another hanban is updating the catalog ({lock}); try again when it has finished'),
    'pack.err.no_previous': ('没有可以退回的上一个资料包', '沒有可以退回的上一個資料包', 'there is no previous pack to go back to'),
    'pack.err.previous_gone': ('上一个资料包 {name} 已不存在', '上一個資料包 {name} 已不存在', 'the previous pack {name} is no longer there'),
    'pack.err.not_folder': ('{folder} 不是文件夹', '{folder} 不是資料夾', '{folder} is not a folder'),
    'pack.err.no_identity': ('{folder} 没有资料目录标识（catalog.yaml 中的 catalog: version 和 as_of）', '{folder} 沒有資料目錄標識（catalog.yaml 中的 catalog: version 和 as_of）', '{folder} gives no catalog identity (catalog: version and as_of, in a catalog.yaml)'),
    'pack.err.invalid': ('资料包中的资料目录未通过校验（{n} 个问题；第一个：{first}）', '資料包中的資料目錄未通過校驗（{n} 個問題；第一個：{first}）', 'the catalog in the pack does not validate ({n} problem(s); first: {first})'),
    'pack.err.identity': ('manifest.json 写的是 {want}，资料目录写的是 {got}', 'manifest.json 寫的是 {want}，資料目錄寫的是 {got}', 'manifest.json says {want} but the catalog says {got}'),
    'pack.err.not_valid_folder': ('{folder} 未通过校验（{n} 个问题，见上）；未写出资料包', '{folder} 未通過校驗（{n} 個問題，見上）；未寫出資料包', '{folder} does not validate ({n} problem(s), above); no pack was written'),
    'pack.done.pack': ('已写出 {file}：资料目录 {version}，{n} 个文件（SHA-256 见标准输出）', '已寫出 {file}：資料目錄 {version}，{n} 個檔案（SHA-256 見標準輸出）', 'wrote {file}: catalog {version}, {n} files (its SHA-256 is on stdout)'),
    'pack.done.update': ('已改用资料目录 {version}（截至 {as_of}），来自 {source}；hanban catalog rollback 可退回{previous}', '已改用資料目錄 {version}（截至 {as_of}），來自 {source}；hanban catalog rollback 可退回{previous}', 'now using catalog {version} (as of {as_of}) from {source}; `hanban catalog rollback` goes back to {previous}'),
    'pack.done.same': ('这个资料包（资料目录 {version}）已在使用中；未做任何改动', '這個資料包（資料目錄 {version}）已在使用中；未做任何改動', 'this pack (catalog {version}) is already in use; nothing changed'),
    'pack.done.rollback': ('已退回{now}；再次执行 hanban catalog rollback 可回到{left}', '已退回{now}；再次執行 hanban catalog rollback 可回到{left}', 'now using {now}; `hanban catalog rollback` again goes back to {left}'),
    'pack.label.builtin': ('内置资料目录', '內建資料目錄', 'the built-in catalog'),
    'pack.label.pack': ('资料包 {version}', '資料包 {version}', 'pack {version}'),
    'info.layer.builtin': ('内置', '內建', 'built-in'),
    'info.layer.pack': ('资料包', '資料包', 'pack'),
    'info.layer.overlay': ('叠加目录', '疊加目錄', 'overlay'),
    'info.in_use': ('正在使用', '正在使用', 'In use'),
    'info.version': ('版本', '版本', 'version'),
    'info.as_of': ('截至', '截至', 'as of'),
    'info.files': ('文件数', '檔案數', 'files'),
    'info.where': ('位置', '位置', 'where'),
    'info.publisher': ('发布者', '發布者', 'publisher'),
    'info.stale': ('已超过 {days} 天', '已超過 {days} 天', 'older than {days} days'),
    'info.fresh': ('未超过 {days} 天', '未超過 {days} 天', 'within {days} days'),
    'info.previous': ('上一个', '上一個', 'Previous'),
    'info.none': ('无', '無', 'none'),
    'info.source': ('来源', '來源', 'from'),
    'info.data': ('资料包文件夹', '資料包資料夾', 'Pack folder'),
    'info.pack_missing': ('state.json 指向的资料包 {name} 不存在：正在使用内置资料目录', 'state.json 指向的資料包 {name} 不存在：正在使用內建資料目錄', 'the current pack {name} named by state.json is missing: the built-in catalog is in use'),
    'err.schema': ('没有名为“{name}”的模式；可用：{known}', '沒有名為「{name}」的模式；可用：{known}', "no schema is called '{name}'; there are: {known}"),
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
    'category.not-covered': ('资料未涵盖', '資料未涵蓋', 'Not covered by the sources'),
    'err.answer.not_allowed': ('{q}：不接受 {value}；可用：{allowed}', '{q}：不接受 {value}；可用：{allowed}', '{q}: {value} is not allowed; use {allowed}'),
    'err.answer.yes_no': ('{q}：不接受 {value}；请回答“是”或“否”（yes 或 no）', '{q}：不接受 {value}；請回答「是」或「否」（yes 或 no）', '{q}: {value} is not allowed; use yes or no'),
    'err.answer.not_number': ('{q}：{value} 不是整数', '{q}：{value} 不是整數', '{q}: {value} is not a whole number'),
    'err.answer.below': ('{q}：{n} 小于最小值 {min}', '{q}：{n} 小於最小值 {min}', '{q}: {n} is below the minimum {min}'),
    'err.answer.above': ('{q}：{n} 大于最大值 {max}', '{q}：{n} 大於最大值 {max}', '{q}: {n} is above the maximum {max}'),
    'err.answer.required': ('{q}：必须回答', '{q}：必須回答', '{q}: an answer is required'),
    'err.answer.too_long': ('{q}：回答超过 {n} 个字符', '{q}：回答超過 {n} 個字元', '{q}: the answer is longer than {n} characters'),
    'err.answer.control': ('{q}：回答中不能含控制字符或不可见字符', '{q}：回答中不能含控制字元或不可見字元', '{q}: control or invisible characters are not allowed in an answer'),
    'err.answer.no_catalog': ('{q}：没有资料目录，无法核对 {value}', '{q}：沒有資料目錄，無法核對 {value}', '{q}: {value} cannot be checked without the catalog'),
    'err.set_syntax': ('--set {item}：格式应为 编号=值（ID=VALUE）', '--set {item}：格式應為 編號=值（ID=VALUE）', '--set {item}: expected ID=VALUE'),
    'err.answers_file': ('无法读取答案文件：{why}', '無法讀取答案檔案：{why}', 'cannot read answers file: {why}'),
    'err.answers_file_shape': ('{path}：应为“题目编号: 回答”的映射', '{path}：應為「題目編號: 回答」的對映', '{path}: expected a mapping of question id to answer'),
    'err.answers_file_value': ('{path}：{name}：应为单个值', '{path}：{name}：應為單個值', '{path}: {name}: expected a plain value'),
    'err.unknown_question': ('未知的题目编号 {q}（见 `hanban questions`）', '未知的題目編號 {q}（見 `hanban questions`）', 'unknown question id {q} (see `hanban questions`)'),
    'err.no_terminal': ('没有终端可供提问；请用 --set 编号=值 或 --answers 文件 回答以下问题：', '沒有終端可供提問；請用 --set 編號=值 或 --answers 檔案 回答以下問題：', 'no terminal to ask the remaining questions; answer them with --set ID=VALUE or --answers FILE:'),
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
    'msg.catalog_problems': ('hanban：资料目录有 {n} 个问题；运行 `hanban validate` 查看详情', 'hanban：資料目錄有 {n} 個問題；執行 `hanban validate` 檢視詳情', 'hanban: the catalog has {n} problem(s); run `hanban validate` for details'),
    'msg.bad_env_lang': ('hanban：已忽略 HANBAN_LANG={value!q}（未知的语言；可用：zh-Hans、zh-Hant、en）', 'hanban：已忽略 HANBAN_LANG={value!q}（未知的語言；可用：zh-Hans、zh-Hant、en）', 'hanban: HANBAN_LANG={value!q} ignored (unknown language; use one of: zh-Hans, zh-Hant, en)'),
    'msg.interrupted': ('hanban：已中断', 'hanban：已中斷', 'hanban: interrupted'),
    'err.limit': ('{value} 不是大于等于 1 的整数', '{value} 不是大於等於 1 的整數', '{value} is not a whole number of at least 1'),
    'msg.no_hit': ('hanban：没有与 {query} 相符的事项；可换个说法，或用 `hanban list` 查看全部', 'hanban：沒有與 {query} 相符的事項；可換個說法，或用 `hanban list` 檢視全部', 'hanban: no service matches {query}; try other words, or `hanban list`'),
    'msg.no_filter_match': ('hanban：没有符合这些条件的事项', 'hanban：沒有符合這些條件的事項', 'hanban: no service matches these filters'),
    'msg.problems_found': ('hanban：发现 {n} 个问题', 'hanban：發現 {n} 個問題', 'hanban: {n} problem(s) found'),
    'msg.catalog_ok': ('hanban：资料目录无误：{services} 项事项、{measures} 条措施、{places} 个办理地点、{documents} 类证件；{quotes}', 'hanban：資料目錄無誤：{services} 項事項、{measures} 條措施、{places} 個辦理地點、{documents} 類證件；{quotes}', 'hanban: catalog OK: {services} services, {measures} measures, {places} places, {documents} document kinds; {quotes}'),
    'msg.quotes_checked': ('引文已核对', '引文已核對', 'quotes checked'),
    'msg.quotes_not_checked': ('引文未核对（用 --seeds）', '引文未核對（用 --seeds）', 'quotes not checked (use --seeds)'),
    'msg.ignored': ('hanban：已忽略（您的情况不涉及这些问题）：{answers}', 'hanban：已忽略（您的情況不涉及這些問題）：{answers}', 'hanban: ignored (the flow does not ask these for your case): {answers}'),
    'msg.answers_saved': ('hanban：回答已保存到 {path}', 'hanban：回答已儲存到 {path}', 'hanban: answers saved to {path}'),
    'msg.checklist_written': ('hanban：清单已写入 {path}', 'hanban：清單已寫入 {path}', 'hanban: checklist written to {path}'),
    'msg.index_fallback': ('hanban：{why}', 'hanban：{why}', 'hanban: {why}'),
    'err.lang': ('未知的语言 {value}；可用：zh-Hans（简体）、zh-Hant（繁体）、en（英文）', '未知的語言 {value}；可用：zh-Hans（簡體）、zh-Hant（繁體）、en（英文）', 'unknown language {value}; use one of: zh-Hans, zh-Hant, en'),
    'questions.service_choices': ('（共 {n} 项事项之一：见 `hanban list`）', '（共 {n} 項事項之一：見 `hanban list`）', '(one of the {n} services: see `hanban list`)'),
    'questions.when': ('条件', '條件', 'when'),
    'help.app': ('哪些公安政务服务可以在哪里办、怎么办：一窗通办、全程网办、跨省通办——依据公安部2023年8月的26条措施及其来源。', '哪些公安政務服務可以在哪裡辦、怎麼辦：一窗通辦、全程網辦、跨省通辦——依據公安部2023年8月的26條措施及其來源。', "Which public-security services you can get done where, and how: one window (一窗通办), fully online (全程网办), across provinces (跨省通办) — from the Ministry of Public Security's 26 measures of August 2023 and the sources behind them."),
    'help.opt.catalog': ('在内置资料目录之上加一个补充目录（可重复；也可用 HANBAN_CATALOG，路径列表）。同一编号的事项会替换内置的。', '在內建資料目錄之上加一個補充目錄（可重複；也可用 HANBAN_CATALOG，路徑列表）。同一編號的事項會替換內建的。', 'Add a catalog overlay folder on top of the built-in catalog (repeatable; also HANBAN_CATALOG, a path list). A service with the same id replaces the built-in one.'),
    'help.opt.lang': ('输出的语言（默认按系统区域设置：zh_CN/zh_SG 为简体，zh_TW/zh_HK/zh_MO 为繁体，其他为英文）。可放在命令前或后。', '輸出的語言（預設按系統區域設定：zh_CN/zh_SG 為簡體，zh_TW/zh_HK/zh_MO 為繁體，其他為英文）。可放在命令前或後。', 'Language of the output (default: from the locale: zh_CN/zh_SG -> zh-Hans, zh_TW/zh_HK/zh_MO -> zh-Hant, anything else -> en). Before or after the command.'),
    'help.opt.version': ('显示 hanban 和所用资料目录的版本，然后退出。', '顯示 hanban 和所用資料目錄的版本，然後退出。', 'Show the version of hanban and of the catalog in use, and exit.'),
    'help.opt.help': ('显示此帮助并退出。', '顯示此幫助並退出。', 'Show this message and exit.'),
    'help.opt.install_completion': ('为当前的 shell 安装命令补全。', '為當前的 shell 安裝命令補全。', 'Install completion for the current shell.'),
    'help.opt.show_completion': ('显示当前 shell（或指定的 SHELL）的补全脚本，以便复制或自定义安装。', '顯示當前 shell（或指定的 SHELL）的補全指令碼，以便複製或自定義安裝。', 'Show completion for the current shell (or the SHELL named), to copy it or customize the installation.'),
    'completion.unknown_shell': ('不支持的 shell：{shell}（可用：{shells}）', '不支援的 shell：{shell}（可用：{shells}）', 'no completion for the shell {shell} (one of: {shells})'),
    'help.cmd.list': ('列出事项；筛选条件同时满足（AND）。', '列出事項；篩選條件同時滿足（AND）。', 'List services; the filters combine with AND.'),
    'help.cmd.show': ('完整显示一个事项：办理渠道、材料、去哪里办、资料来源。', '完整顯示一個事項：辦理渠道、材料、去哪裡辦、資料來源。', 'Show one service in full: channels, documents, where to go, sources.'),
    'help.cmd.measures': ('列出2023年8月的26条措施及各自涉及的事项。', '列出2023年8月的26條措施及各自涉及的事項。', 'List the 26 measures of August 2023 and the services each touches.'),
    'help.cmd.validate': ('按格式和引用检查资料目录文件；每个问题一行。', '按格式和引用檢查資料目錄檔案；每個問題一行。', 'Check catalog files against the schema and their references; one line per problem.'),
    'help.cmd.search': ('按名称、别名、术语或内容查找事项：身份证丢了、身分證補領、“lost ID card”、shenfenzheng。', '按名稱、別名、術語或內容查詢事項：身份證丟了、身分證補領、「lost ID card」、shenfenzheng。', 'Find services by name, alias, glossary term, text or pinyin: 身份证丢了, 身分證補領, "lost ID card", shenfenzheng.'),
    'help.cmd.ask': ('回答几个问题，得到适合您的办事清单：怎么办、去哪里办、带什么、步骤、来源。', '回答幾個問題，得到適合您的辦事清單：怎麼辦、去哪裡辦、帶什麼、步驟、來源。', 'Answer a few questions and get a checklist for your case: channels, where, what to bring, steps, sources.'),
    'help.cmd.questions': ('列出向导的问题：编号、提问、类型、选项和提问条件。', '列出嚮導的問題：編號、提問、型別、選項和提問條件。', "List the wizard's questions: id, prompt, type, choices and the condition for asking."),
    'help.list.cross_province': ('只列可跨省通办的事项。', '只列可跨省通辦的事項。', 'Only services available across provinces (跨省通办).'),
    'help.list.fully_online': ('只列可全程网办的事项。', '只列可全程網辦的事項。', 'Only services available fully online (全程网办).'),
    'help.list.one_window': ('只列可一窗通办的事项。', '只列可一窗通辦的事項。', 'Only services available at one window (一窗通办).'),
    'help.list.json': ('输出事项对象的 JSON 数组。', '輸出事項物件的 JSON 陣列。', 'Print a JSON array of service objects.'),
    'help.show.service': ('事项编号、任一文字的名称或别名；明显最接近的近似名称也会采用（并说明）。', '事項編號、任一文字的名稱或別名；明顯最接近的近似名稱也會採用（並說明）。', 'A service id, its name in any script, or an alias; a clear near miss is taken (and said so).'),
    'help.show.json': ('以 JSON 输出完整的事项对象，附资料目录的版本和资料年龄。', '以 JSON 輸出完整的事項物件，附資料目錄的版本和資料年齡。', "Print the full service object as JSON, with the catalog's identity and age."),
    'help.measures.json': ('输出26条措施的 JSON 数组。', '輸出26條措施的 JSON 陣列。', 'Print a JSON array of the 26 measures.'),
    'help.validate.paths': ('要检查的文件或目录（默认：资料目录及其补充目录）。', '要檢查的檔案或目錄（預設：資料目錄及其補充目錄）。', 'Files or folders to check (default: the catalog and its overlays).'),
    'help.validate.seeds': ('再对照目录中的来源文本逐字核对每条引文（也可用 HANBAN_SEEDS）。', '再對照目錄中的來源文本逐字核對每條引文（也可用 HANBAN_SEEDS）。', 'Also check every quote verbatim against the seed texts in DIR (also HANBAN_SEEDS).'),
    'help.search.query': ('您会怎么称呼这个事项：简体、繁体、英文或拼音都行（多个词会合起来）。', '您會怎麼稱呼這個事項：簡體、繁體、英文或拼音都行（多個詞會合起來）。', 'What you would call the service, in any script, English or pinyin (words are joined).'),
    'help.search.json': ('输出 {id, name, score, matched} 的 JSON 数组。', '輸出 {id, name, score, matched} 的 JSON 陣列。', 'Print a JSON array of {id, name, score, matched}.'),
    'help.search.limit': ('最多显示 N 个结果。', '最多顯示 N 個結果。', 'Show at most N matches.'),
    'help.ask.set': ('不经提问直接回答一题（可重复）；--set service=编号 可按编号或名称选择事项。', '不經提問直接回答一題（可重複）；--set service=編號 可按編號或名稱選擇事項。', 'Answer a question without being asked (repeatable); --set service=ID picks the service by id or name.'),
    'help.ask.answers': ('从 YAML 文件读取回答（例如 --save-answers 写的文件）。', '從 YAML 檔案讀取回答（例如 --save-answers 寫的檔案）。', 'Read answers from a YAML file (e.g. one written by --save-answers).'),
    'help.ask.json': ('以 JSON 输出清单：{service, outcome, answers, channels, items, sources, as_of}。', '以 JSON 輸出清單：{service, outcome, answers, channels, items, sources, as_of}。', 'Print the checklist as JSON: {service, outcome, answers, channels, items, sources, as_of}.'),
    'help.ask.output': ('同时把清单写入文件：Markdown（.md）、HTML（.html）或 JSON（.json）。', '同時把清單寫入檔案：Markdown（.md）、HTML（.html）或 JSON（.json）。', 'Also write the checklist to FILE: Markdown (.md), HTML (.html) or JSON (.json).'),
    'help.ask.force': ('覆盖已存在的 --output / --save-answers 文件。', '覆蓋已存在的 --output / --save-answers 檔案。', 'Overwrite --output / --save-answers files that exist.'),
    'help.ask.save_answers': ('把向导问过的回答写入文件（YAML），以后用 --answers 重放。', '把嚮導問過的回答寫入檔案（YAML），以後用 --answers 重放。', 'Write the answers the flow asked to FILE (YAML), for --answers later.'),
    'help.questions.json': ('输出问题的 JSON 数组。', '輸出問題的 JSON 陣列。', 'Print a JSON array of questions.'),
    'help.questions.service': ('只列这个事项的流程可能问到的问题。', '只列這個事項的流程可能問到的問題。', "Only the questions this service's flow can ask."),
    'help.questions.graph': ('以 Mermaid 流程图输出流程。', '以 Mermaid 流程圖輸出流程。', 'Print the flow as a Mermaid flowchart.'),
    'metavar.dir': ('目录', '目錄', 'DIR'),
    'metavar.file': ('文件', '檔案', 'FILE'),
    'metavar.service': ('事项', '事項', 'SERVICE'),
    'metavar.query': ('查询词', '查詢詞', 'QUERY'),
    'metavar.id_value': ('编号=值', '編號=值', 'ID=VALUE'),
    'metavar.id': ('编号', '編號', 'ID'),
    'metavar.path': ('[路径]...', '[路徑]...', '[PATH]...'),
    'metavar.n': ('N', 'N', 'N'),
    'metavar.options': ('[选项]', '[選項]', '[OPTIONS]'),
    'metavar.command': ('命令 [参数]...', '命令 [引數]...', 'COMMAND [ARGS]...'),
    'usage.usage': ('用法：', '用法：', 'Usage: '),
    'usage.options': ('选项', '選項', 'Options'),
    'usage.arguments': ('参数', '引數', 'Arguments'),
    'usage.commands': ('命令', '命令', 'Commands'),
    'usage.default': ('[默认：{value}]', '[預設：{value}]', '[default: {value}]'),
    'usage.required': ('[必填]', '[必填]', '[required]'),
    'usage.try_help': ("运行 '{command} {option}' 查看帮助。", "執行 '{command} {option}' 檢視幫助。", "Try '{command} {option}' for help."),
    'usage.error': ('错误：{message}', '錯誤：{message}', 'Error: {message}'),
    'usage.no_such_option': ('没有这个选项：{option}', '沒有這個選項：{option}', 'No such option: {option}'),
    'usage.did_you_mean': ('（您是不是要用：{options}？）', '（您是不是要用：{options}？）', '(Possible options: {options})'),
    'usage.missing_argument': ('缺少参数 {name}。', '缺少引數 {name}。', "Missing argument '{name}'."),
    'usage.missing_option': ('缺少选项 {name}。', '缺少選項 {name}。', "Missing option '{name}'."),
    'usage.bad_value': ('{name} 的值无效：{message}', '{name} 的值無效：{message}', 'Invalid value for {name}: {message}'),
    'usage.needs_value': ('选项 {option} 需要一个值。', '選項 {option} 需要一個值。', "Option '{option}' requires an argument."),
    'usage.no_value': ('选项 {option} 不接受值。', '選項 {option} 不接受值。', "Option '{option}' does not take a value."),
    'usage.extra_arguments': ('多余的参数：{args}', '多餘的引數：{args}', 'Got unexpected extra argument(s) ({args})'),
    'usage.no_such_command': ('没有这个命令：{name}。', '沒有這個命令：{name}。', "No such command '{name}'."),
    'usage.missing_command': ('缺少命令。', '缺少命令。', 'Missing command.'),
    'w.progress_first': ('第{n}题', '第{n}題', 'question {n}'),
    'w.type_to_find': ('（可输入中文、拼音或英文查找；上下键选择，回车确认）', '（可輸入中文、拼音或英文查詢；上下鍵選擇，回車確認）', '(type Chinese, pinyin or English to find it; arrow keys to move, Enter to choose)'),
    'w.enter_default': ('（直接回车：{label}）', '（直接回車：{label}）', '(Enter alone: {label})'),
    'w.no_match': ('没有与“{text}”相符的选项：请换个写法（中文、拼音或英文）', '沒有與「{text}」相符的選項：請換個寫法（中文、拼音或英文）', 'Nothing matches “{text}”: try another spelling (Chinese, pinyin or English)'),
    'w.ambiguous': ('“{text}”可能是：{options}。请继续输入，或用↓选择', '「{text}」可能是：{options}。請繼續輸入，或用↓選擇', '“{text}” could be {options}: keep typing, or use ↓ to choose'),
    'w.start_again': ('↺ 重新开始（清空所有回答）', '↺ 重新開始（清空所有回答）', '↺ Start again (forget every answer)'),
    'w.kept': ('hanban：已保留您到目前为止的回答；7天内再运行 hanban ask 可以接着回答。', 'hanban：已保留您到目前為止的回答；7天內再執行 hanban ask 可以接著回答。', 'hanban: your answers so far are kept; run hanban ask within 7 days to carry on.'),
    'w.resume': ('继续上次未答完的问题吗？（{when}，{service}）', '繼續上次未答完的問題嗎？（{when}，{service}）', 'Carry on where you stopped? ({when}, {service})'),
    'w.nothing_found': ('没有找到与“{text}”相符的事项。请换个说法，例如：身份证丢了、开无犯罪证明、shenfenzheng、lost ID card。', '沒有找到與「{text}」相符的事項。請換個說法，例如：身份證丟了、開無犯罪證明、shenfenzheng、lost ID card。', 'Nothing matches “{text}”. Try other words, e.g. lost ID card, police clearance, residence permit, 身份证丢了.'),
    'w.which_one': ('您要办的是哪一项？', '您要辦的是哪一項？', 'Which of these do you mean?'),
    'w.none_of_these': ('都不是，重新输入', '都不是，重新輸入', 'None of these: type again'),
    'w.need_something': ('请输入要办的事，例如：身份证丢了', '請輸入要辦的事，例如：身份證丟了', 'Type what you need to get done, e.g. lost ID card'),
    'w.summary': ('您的回答：', '您的回答：', 'Your answers:'),
    'w.change_n': ('修改第{n}项：{prompt}', '修改第{n}項：{prompt}', 'Change {n}: {prompt}'),
    # limits of what a catalog may hold (README, "Limits")
    'err.too_many_questions': ('问题共 {n} 个，上限为 {limit} 个', '問題共 {n} 個，上限為 {limit} 個', '{n} questions; the limit is {limit}'),
    'err.flow_too_intricate': ('到问题 {q} 为止，后续条件需要区分的回答组合有 {n} 种，超过上限 {limit} 种：请简化条件（让每个条件只读取少数几个先前的回答）', '到問題 {q} 為止，後續條件需要區分的回答組合有 {n} 種，超過上限 {limit} 種：請簡化條件（讓每個條件只讀取少數幾個先前的回答）', 'up to question {q}, later conditions tell apart {n} combinations of answers, over the limit of {limit}: simplify the conditions (each reading only a few earlier answers)'),
    'err.unsafe_file_name': ('文件名含有控制字符或不可见字符 {char}：请重命名该文件', '檔名含有控制字元或不可見字元 {char}：請重新命名該檔案', 'the name holds {char}, a control or invisible character: rename it'),
    'err.unsafe_name': ('名称含有控制字符、不可见字符或换行 {char}（可用来伪造相似的名称）', '名稱含有控制字元、不可見字元或換行 {char}（可用來偽造相似的名稱）', 'a name may not hold {char} (a control or invisible character, tab or newline: they make look-alike names)'),
    'err.query_too_long': ('查询超过 {limit} 个字符：请用更少的字词描述要办的事项', '查詢超過 {limit} 個字元：請用更少的字詞描述要辦的事項', 'the query is longer than {limit} characters; describe the service in fewer words'),
    # catalog problems (`hanban validate`: FILE:LINE: field.path: message); {x!q} quotes a value, {x!l} joins a list
    'problem.file_too_big': ('文件大小为 {size:,} 字节，超过上限 {limit:,} 字节', '檔案大小為 {size:,} 位元組，超過上限 {limit:,} 位元組', 'file is {size:,} bytes; the limit is {limit:,}'),
    'problem.file_over_limit': ('文件超过 {limit:,} 字节的上限', '檔案超過 {limit:,} 位元組的上限', 'file is over the {limit:,}-byte limit'),
    'problem.cannot_read': ('无法读取：{why}', '無法讀取：{why}', 'cannot read: {why}'),
    'problem.cannot_read_folder': ('无法读取文件夹：{why}', '無法讀取資料夾：{why}', 'cannot read folder: {why}'),
    'problem.not_file_or_folder': ('既不是文件也不是文件夹', '既不是檔案也不是資料夾', 'not a file or folder'),
    'problem.no_such_path': ('文件或文件夹不存在', '檔案或資料夾不存在', 'no such file or folder'),
    'problem.not_regular_file': ('不是普通文件', '不是普通檔案', 'not a regular file'),
    'problem.symlink_loop': ('符号链接形成循环：该文件夹已读取过', '符號連結形成迴圈：該資料夾已讀取過', 'symlink loop: folder already visited'),
    'problem.no_seed_folder': ('找不到原文文件夹', '找不到原文資料夾', 'seed folder not found'),
    'problem.not_utf8': ('不是 UTF-8 编码（字节偏移 {byte}）；请将文件另存为 UTF-8', '不是 UTF-8 編碼（位元組偏移 {byte}）；請將檔案另存為 UTF-8', 'not UTF-8 (byte {byte}); save the file as UTF-8'),
    'problem.yaml_control_char': ('YAML 中不允许出现控制字符（{char}）', 'YAML 中不允許出現控制字元（{char}）', 'control characters are not allowed ({char})'),
    'problem.yaml_special_char': ('YAML 中不允许出现特殊字符（{char}）', 'YAML 中不允許出現特殊字元（{char}）', 'special characters are not allowed ({char})'),
    'problem.yaml_char': ('YAML 中不允许出现字符 {char}（{reason}）', 'YAML 中不允許出現字元 {char}（{reason}）', '{reason} ({char})'),
    'problem.yaml_syntax': ('YAML 语法错误：{what}', 'YAML 語法錯誤：{what}', 'YAML syntax error: {what}'),
    'problem.yaml_error': ('YAML 错误：{what}', 'YAML 錯誤：{what}', 'YAML error: {what}'),
    'problem.too_deep': ('嵌套层级过深', '巢狀層級過深', 'nested too deeply'),
    'problem.too_many_values': ('值的个数超过 {limit:,} 个', '值的個數超過 {limit:,} 個', 'more than {limit:,} values'),
    'problem.alias': ('不允许使用锚点和别名（&name、*name）', '不允許使用錨點和別名（&name、*name）', 'anchors and aliases (&name, *name) are not allowed'),
    'problem.tag': ('不允许使用 YAML 标签{tag!q}（只接受纯 YAML）', '不允許使用 YAML 標籤{tag!q}（只接受純 YAML）', 'YAML tag {tag!q} is not allowed (plain YAML only)'),
    'problem.merge_key': ('不允许使用合并键（<<）', '不允許使用合併鍵（<<）', 'merge keys (<<) are not allowed'),
    'problem.key_not_string': ('键必须是普通字符串', '鍵必須是普通字串', 'keys must be plain strings'),
    'problem.duplicate_key': ('重复的键', '重複的鍵', 'duplicate key'),
    'problem.control_char': ('文本中不允许出现控制字符 {char}（转义序列可能进入终端）', '文本中不允許出現控制字元 {char}（轉義序列可能進入終端）', 'control character {char} is not allowed in text (escape sequences could reach the terminal)'),
    'problem.control_char_in_key': ('键{key!q}：文本中不允许出现控制字符 {char}（转义序列可能进入终端）', '鍵{key!q}：文本中不允許出現控制字元 {char}（轉義序列可能進入終端）', 'key {key!q}: control character {char} is not allowed in text (escape sequences could reach the terminal)'),
    'problem.number_too_long': ('数字超过 {limit} 位', '數字超過 {limit} 位', 'number has more than {limit} digits'),
    'problem.empty_file': ('文件为空', '檔案為空', 'the file is empty'),
    'problem.expected_one_of': ('至少应有以下之一：{choices!l}', '至少應有以下之一：{choices!l}', 'expected at least one of: {choices!l}'),
    'kind.nothing': ('空值', '空值', 'nothing'),
    'kind.mapping': ('映射', '對映', 'a mapping'),
    'kind.list': ('列表', '列表', 'a list'),
    'kind.string': ('字符串', '字串', 'a string'),
    'kind.empty_string': ('空字符串', '空字串', 'an empty string'),
    'kind.boolean': ('布尔值', '布林值', 'a boolean'),
    'kind.number': ('数字', '數字', 'a number'),
    'kind.other': ('{name}', '{name}', '{name}'),
    'problem.expected_mapping': ('应为映射，实际为{got}', '應為對映，實際為{got}', 'expected a mapping, got {got}'),
    'problem.expected_list': ('应为列表，实际为{got}', '應為列表，實際為{got}', 'expected a list, got {got}'),
    'problem.expected_string': ('应为非空字符串，实际为{got}', '應為非空字串，實際為{got}', 'expected a non-empty string, got {got}'),
    'problem.expected_bool': ('应为 true 或 false，实际为{got}', '應為 true 或 false，實際為{got}', 'expected true or false, got {got}'),
    'problem.unknown_key': ('未知的键', '未知的鍵', 'unknown key'),
    'problem.unknown_key_hint': ('未知的键，是否想写{hint!q}？', '未知的鍵，是否想寫{hint!q}？', 'unknown key (did you mean {hint!q}?)'),
    'problem.missing_key': ('缺少必填字段{key!q}', '缺少必填欄位{key!q}', 'missing required key {key!q}'),
    'problem.not_a_choice': ('{value!q}不是允许的值；可选：{choices!l}', '{value!q}不是允許的值；可選：{choices!l}', '{value!q} is not one of: {choices!l}'),
    'problem.bad_id': ('{value!q}不是合法的编号：应为小写 ASCII 字母、数字和连字符（kebab-case）', '{value!q}不是合法的編號：應為小寫 ASCII 字母、數字和連字元（kebab-case）', '{value!q} is not a lowercase kebab-case ascii id'),
    'problem.bad_date': ('{value!q}不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）', '{value!q}不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）', '{value!q} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'),
    'problem.bad_day': ('{value!q}不是 YYYY-MM-DD 格式的有效日期', '{value!q}不是 YYYY-MM-DD 格式的有效日期', '{value!q} is not a date of the form YYYY-MM-DD'),
    'problem.until_before_from': ('valid_until {end} 早于 valid_from {start}', 'valid_until {end} 早於 valid_from {start}', 'valid_until {end} is before valid_from {start}'),
    'problem.bad_url': ('{value!q}不是网页地址（http:// 或 https://）', '{value!q}不是網頁地址（http:// 或 https://）', '{value!q} is not a web address (http:// or https://)'),
    'problem.bad_language': ('{value!q}不是语言代码（如 zh-Hans、en）', '{value!q}不是語言代碼（如 zh-Hans、en）', '{value!q} is not a language code (such as zh-Hans, en)'),
    'problem.other_only': ('只有非官方来源（{outlets}）：请加上政府网站或官方媒体的来源', '只有非官方來源（{outlets}）：請加上政府網站或官方媒體的來源', 'rests only on other outlets ({outlets}): add a government site or a state outlet'),
    'problem.reported_only_needed': ('只有非官方来源（{outlets}）：请加上官方来源，或标注 reported_only: true（hanban 会说“据报道，请核实”）', '只有非官方來源（{outlets}）：請加上官方來源，或標註 reported_only: true（hanban 會說「據報道，請核實」）', 'rests only on other outlets ({outlets}): add an official or state source, or mark it reported_only: true (hanban then says "reported by ...; check")'),
    'problem.reported_only_strong': ('标注了 reported_only，但有政府网站或官方媒体的来源：请删去该标注', '標註了 reported_only，但有政府網站或官方媒體的來源：請刪去該標註', 'marked reported_only but has an official or state source: remove the mark'),
    'problem.effective_needed': ('自{start}起有效，但只引用外部网页：请在引用上写明网页所说的施行日期（effective）', '自{start}起有效，但只引用外部網頁：請在引用上寫明網頁所說的施行日期（effective）', 'valid from {start} but cites only outside pages: give the day a page says it took effect (effective) on a citation'),
    'problem.before_effective': ('生效日期{start}早于来源所说的施行日期{effective}', '生效日期{start}早於來源所說的施行日期{effective}', 'valid from {start}, before the earliest day its sources say it took effect ({effective})'),
    'problem.rests_on_unknown': ('本规则所列事项中没有编号为{id!q}的条目', '本規則所列事項中沒有編號為{id!q}的條目', "none of the rule's services has a fact with the id {id!q}"),
    'problem.superseded_needs_until': ('写了 superseded_by 就必须写 valid_until（本条目有效的最后一天）', '寫了 superseded_by 就必須寫 valid_until（本條目有效的最後一天）', 'superseded_by needs valid_until (the last day this entry held)'),
    'problem.bad_measure_number': ('应为 1-26 的措施编号，实际为{value!q}', '應為 1-26 的措施編號，實際為{value!q}', 'expected a measure number 1-26, got {value!q}'),
    'problem.quote_not_found': ('在 {file} 中找不到与这段引文逐字相同的原文', '在 {file} 中找不到與這段引文逐字相同的原文', 'quote not found verbatim in {file}'),
    'problem.source_required': ('至少需要一条来源', '至少需要一條來源', 'at least one source is required'),
    'problem.nationwide_unquoted': ('标为 nationwide，但没有一条来源引文写明“全面”或“全国”', '標為 nationwide，但沒有一條來源引文寫明「全面」或「全國」', 'nationwide, but no source quote says 全面/全国'),
    'problem.status_unavailable': ('渠道不可办，状态却为{status!q}', '渠道不可辦，狀態卻為{status!q}', 'status {status!q} on a channel that is not available'),
    'problem.issued_not_brought': ('{value!q}是本事项签发或换发的证件（issues:），不能列为需要带的材料', '{value!q}是本事項簽發或換發的證件（issues:），不能列為需要帶的材料', '{value!q} is what this service issues or replaces (issues:); it cannot be a document to bring'),
    'problem.not_https': ('{value!q}不是 https:// 地址', '{value!q}不是 https:// 地址', '{value!q} is not an https:// address'),
    'problem.document_needs_kind': ('材料需要写“kind”（documents.yaml 中的种类）或“name”', '材料需要寫「kind」（documents.yaml 中的種類）或「name」', "a document needs a 'kind' (from documents.yaml) or a 'name'"),
    'problem.list_at_least_one': ('至少列出一项：{choices!l}', '至少列出一項：{choices!l}', 'list at least one of: {choices!l}'),
    'problem.supersedes_itself': ('事项不能被自身取代', '事項不能被自身取代', 'a service cannot supersede itself'),
    'problem.duplicate_fact_id': ('本事项中的条目编号{id!q}重复', '本事項中的條目編號{id!q}重複', 'duplicate fact id {id!q} in this service'),
    'problem.no_such_fact': ('本事项中没有另一个编号为{id!q}的条目', '本事項中沒有另一個編號為{id!q}的條目', 'no other fact of this service has the id {id!q}'),
    'problem.bad_version': ('{value!q}不是日历版本号（YYYY.MM.DD；同一天再次发布写 YYYY.MM.DD.N）', '{value!q}不是日曆版本號（YYYY.MM.DD；同一天再次發布寫 YYYY.MM.DD.N）', '{value!q} is not a calendar version (YYYY.MM.DD, or YYYY.MM.DD.N for another release that day)'),
    'problem.duplicate_id': ('编号{id!q}重复（首次定义于 {first}）', '編號{id!q}重複（首次定義於 {first}）', 'duplicate id {id!q} (first defined at {first})'),
    'problem.duplicate_catalog': ('本文件夹的资料目录标识已在 {first} 给出', '本資料夾的資料目錄標識已在 {first} 給出', "this folder's catalog identity is already given at {first}"),
    'problem.unknown_measure': ('measures.yaml 中没有第 {n} 条措施', 'measures.yaml 中沒有第 {n} 條措施', 'measure {n} is not in measures.yaml'),
    'problem.unknown.place': ('未知的办理地点{value!q}', '未知的辦理地點{value!q}', 'unknown place {value!q}'),
    'problem.unknown.document': ('未知的材料种类{value!q}', '未知的材料種類{value!q}', 'unknown document kind {value!q}'),
    'problem.unknown.region': ('未知的地区{value!q}', '未知的地區{value!q}', 'unknown region {value!q}'),
    'problem.unknown.seed': ('未知的原文文件{value!q}', '未知的原文檔案{value!q}', 'unknown source file {value!q}'),
    'problem.unknown.service': ('未知的事项{value!q}', '未知的事項{value!q}', 'unknown service {value!q}'),
    'problem.unknown.question': ('未知的问题编号{value!q}', '未知的問題編號{value!q}', 'unknown question id {value!q}'),
    'problem.online_needs_measure': ('全程网办须引用第{measure}条（该条列出全程网办事项）；在网上办理但不在清单上的事项，请在步骤或说明中写明', '全程網辦須引用第{measure}條（該條列出全程網辦事項）；在網上辦理但不在清單上的事項，請在步驟或說明中寫明', '全程网办 needs a source from measure {measure}, which lists its items; a service done online but not on that list says so in a step or note'),
    'problem.note_claims_channel': ('说明提到{word}，但 channels.{channel} 不可办，也没有规则开放它：请让渠道写明（附来源），或改写说明', '說明提到{word}，但 channels.{channel} 不可辦，也沒有規則開放它：請讓渠道寫明（附來源），或改寫說明', 'the note speaks of {word} but channels.{channel} is not available and no rule opens it: make the channel say so (with its source) or reword the note'),
    'problem.example_province': ('{province!q}不是任何 place: true 问题的选项，这个例子永远不会显示', '{province!q}不是任何 place: true 問題的選項，這個例子永遠不會顯示', '{province!q} is not a choice of any question with place: true, so the example is never shown'),
    'problem.no_rules': ('该事项没有向导规则（请在 rules.yaml 中至少添加一条）', '該事項沒有嚮導規則（請在 rules.yaml 中至少新增一條）', 'the service has no wizard rules (add at least one to rules.yaml)'),
    'problem.not_asked_before': ('问题{q!q}不在本问题之前提问（条件只能读取之前的回答）', '問題{q!q}不在本問題之前提問（條件只能讀取之前的回答）', 'question {q!q} is not asked before this one (a condition reads earlier answers only)'),
    'problem.not_a_choice_of': ('{value!q}不是问题{q!q}的选项', '{value!q}不是問題{q!q}的選項', '{value!q} is not a choice of question {q!q}'),
    'problem.yes_no_literal': ('问题{q!q}为是非题：只能与 true 或 false 比较，不能与{value!q}比较', '問題{q!q}為是非題：只能與 true 或 false 比較，不能與{value!q}比較', 'question {q!q} is yes/no: compare with true or false, not {value!q}'),
    'problem.number_literal': ('问题{q!q}的回答是数字，不能与{value!q}比较', '問題{q!q}的回答是數字，不能與{value!q}比較', 'question {q!q} takes numbers, not {value!q}'),
    'problem.no_service_question': ('没有编号为{q!q}的问题（它是第一个问题）', '沒有編號為{q!q}的問題（它是第一個問題）', 'no question with id {q!q} (the first question)'),
    'problem.no_choices': ('没有选项', '沒有選項', 'no choices'),
    'problem.bad_default_from': ('{value!q}不是本问题之前、题型相同的问题', '{value!q}不是本問題之前、題型相同的問題', '{value!q} is not an earlier question of the same type'),
    'problem.unknown_placeholder': ('占位符 {{{name}}} 不是任何问题的编号', '佔位符 {{{name}}} 不是任何問題的編號', 'placeholder {{{name}}} names no question'),
    'problem.unreachable': ('无法到达：之前回答的任何组合都不会问到这个问题', '無法到達：之前回答的任何組合都不會問到這個問題', 'unreachable: no combination of earlier answers makes this question asked'),
    'problem.bad_question_id': ('{value!q}不是合法的问题编号：应为小写 ASCII 字母、数字和下划线，以字母开头（snake_case）', '{value!q}不是合法的問題編號：應為小寫 ASCII 字母、數字和下劃線，以字母開頭（snake_case）', '{value!q} is not a lowercase snake_case ascii id'),
    'problem.choices_and_from': ('“choices”和“choices_from”只能写一个', '「choices」和「choices_from」只能寫一個', "give either 'choices' or 'choices_from', not both"),
    'problem.select_needs_choices': ('选择题需要“choices”（或“choices_from: services”）', '選擇題需要「choices」（或「choices_from: services」）', "a select question needs 'choices' (or 'choices_from: services')"),
    'problem.choices_not_select': ('只有选择题（select）才有选项（本题题型为 {type}）', '只有選擇題（select）才有選項（本題題型為 {type}）', 'only select questions have choices (this one is {type})'),
    'problem.expected_plain': ('应为单个值', '應為單個值', 'expected a plain value'),
    'problem.place_not_select': ('只有选择省份的选择题（select）才能给出办理地点', '只有選擇省份的選擇題（select）才能給出辦理地點', 'only a select question (of provinces) can give the place where a person applies'),
    'problem.order_needs_services': ('只有 choices_from: services 的问题才能写 order', '只有 choices_from: services 的問題才能寫 order', 'only a question with choices_from: services has an order'),
    'problem.expected_whole_number': ('应为整数，实际为{value!q}', '應為整數，實際為{value!q}', 'expected a whole number, got {value!q}'),
    'problem.expected_choice_list': ('应为非空列表，每项为 {{value, label}}', '應為非空列表，每項為 {{value, label}}', 'expected a non-empty list of {{value, label}}'),
    'problem.choice_value_not_string': ('选项值应为字符串，实际为{value!q}（请加引号）', '選項值應為字串，實際為{value!q}（請加引號）', 'expected a string value, got {value!q} (quote it)'),
    'problem.duplicate_choice': ('选项值{value!q}重复', '選項值{value!q}重複', 'duplicate choice value {value!q}'),
    'problem.services_required': ('至少列出一个事项编号', '至少列出一個事項編號', 'list at least one service id'),
    'problem.rule_needs_effect': ('规则需要写“channel”“items”或“outcome”', '規則需要寫「channel」「items」或「outcome」', "a rule needs a 'channel', 'items' or an 'outcome'"),
    'problem.stop_needs_outcome': ('写了 stop 的规则需要写“outcome”（告诉用户应改为怎么做）', '寫了 stop 的規則需要寫「outcome」（告訴使用者應改為怎麼做）', "a rule that stops needs an 'outcome' (what the person should do instead)"),
    'problem.expected_true_false_null': ('应为 true、false 或 null（视情况而定）', '應為 true、false 或 null（視情況而定）', 'expected true, false or null (it depends)'),
    'problem.cond.shape': ('条件应为映射，且恰好含有以下之一：{ops!l}', '條件應為對映，且恰好含有以下之一：{ops!l}', 'a condition is a mapping with exactly one of: {ops!l}'),
    'problem.cond.equals': ('equals 应为映射 {{question_id: value}}', 'equals 應為對映 {{question_id: value}}', 'equals takes a mapping {{question_id: value}}'),
    'problem.cond.equals_value': ('应为单个值或 {{answer: question_id}}', '應為單個值或 {{answer: question_id}}', 'expected a plain value or {{answer: question_id}}'),
    'problem.cond.in': ('in 应为一个 {{question_id: [value, ...]}}', 'in 應為一個 {{question_id: [value, ...]}}', 'in takes one {{question_id: [value, ...]}}'),
    'problem.cond.in_values': ('应为由单个值组成的非空列表', '應為由單個值組成的非空列表', 'expected a non-empty list of plain values'),
    'problem.cond.list': ('{op} 应为由条件组成的非空列表', '{op} 應為由條件組成的非空列表', '{op} takes a non-empty list of conditions'),
    'problem.cond.unknown_op': ('未知的运算符{op!q}；可用：{ops!l}', '未知的運算子{op!q}；可用：{ops!l}', 'unknown operator {op!q}; use one of: {ops!l}'),
    'enc.cannot_show': ('终端的字符集（{encoding}）无法显示部分字符（包括中文），已显示为“?”。请使用 UTF-8 区域设置（如 LANG=C.UTF-8）或设置 PYTHONIOENCODING=utf-8。', '終端的字元集（{encoding}）無法顯示部分字元（包括中文），已顯示為「?」。請使用 UTF-8 區域設定（如 LANG=C.UTF-8）或設定 PYTHONIOENCODING=utf-8。', "this terminal's character set ({encoding}) cannot show some characters (Chinese among them); they were printed as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8."),
    # --output and --save-answers
    'out.exists': ('{path} 已存在；如要覆盖请加 --force', '{path} 已存在；如要覆蓋請加 --force', '{path} already exists; use --force to overwrite it'),
    'out.folder': ('{path} 是文件夹', '{path} 是資料夾', '{path} is a folder'),
    'out.symlink': ('{path} 是符号链接：只写入普通文件（请删除该链接或换一个文件名）', '{path} 是符號連結：只寫入普通檔案（請刪除該連結或換一個檔名）', '{path} is a symbolic link: hanban writes only regular files (remove the link or choose another name)'),
    'out.not_regular': ('{path} 不是普通文件（是管道、设备或套接字）：只写入普通文件', '{path} 不是普通檔案（是管道、裝置或套接字）：只寫入普通檔案', '{path} is not a regular file (a pipe, device or socket): hanban writes only regular files'),
    'out.cannot_write': ('无法写入 {path}：{why}', '無法寫入 {path}：{why}', 'cannot write {path}: {why}'),
    'out.unknown_format': ('{path}：未知的输出格式；请使用 .md、.html 或 .json 文件名', '{path}：未知的輸出格式；請使用 .md、.html 或 .json 檔名', '{path}: unknown output format; use a .md, .html or .json file name'),
    'out.answers_suffix': ('{path}：回答保存为 YAML，请使用 .yaml 或 .yml 文件名', '{path}：回答儲存為 YAML，請使用 .yaml 或 .yml 檔名', '{path}: answers are saved as YAML; use a .yaml or .yml file name'),
    'out.no_folder': ('{path}：文件夹不存在', '{path}：資料夾不存在', '{path}: the folder does not exist'),
    # the catalog index (cache)
    'cache.folder_unusable': ('无法使用目录索引文件夹 {folder}（{why}）；直接读取目录', '無法使用目錄索引資料夾 {folder}（{why}）；直接讀取目錄', 'cannot use the catalog index folder {folder} ({why}); loading the catalog directly'),
    'cache.unwritable': ('无法在 {folder} 中写入目录索引（{why}）；直接读取目录', '無法在 {folder} 中寫入目錄索引（{why}）；直接讀取目錄', 'cannot write the catalog index in {folder} ({why}); loading the catalog directly'),
    'cache.not_yours': ('{path} 属于另一个用户（uid {uid}），不予信任；直接读取目录', '{path} 屬於另一個使用者（uid {uid}），不予信任；直接讀取目錄', '{path} belongs to another user (uid {uid}) and is not trusted; loading the catalog directly'),
    'cache.folder_open': ('目录索引文件夹 {folder} 其他用户也可写入（权限 {mode}，无粘滞位），不予信任；直接读取目录（请执行 chmod 700）', '目錄索引資料夾 {folder} 其他使用者也可寫入（權限 {mode}，無粘滯位），不予信任；直接讀取目錄（請執行 chmod 700）', 'the catalog index folder {folder} can be written by other users (mode {mode}, no sticky bit) and is not trusted; loading the catalog directly (chmod 700 it)'),
    'cache.not_a_file': ('{path} 不是普通文件（可能是符号链接），不予打开；直接读取目录', '{path} 不是普通檔案（可能是符號連結），不予開啟；直接讀取目錄', '{path} is not a regular file (a symbolic link?) and is not opened; loading the catalog directly'),
    'cache.full': ('{folder} 所在磁盘已满，无法更新目录索引（{why}）；直接读取目录', '{folder} 所在磁碟已滿，無法更新目錄索引（{why}）；直接讀取目錄', 'the disk under {folder} is full: the catalog index cannot be updated ({why}); loading the catalog directly'),
    'cache.busy': ('另一个 hanban 占用目录索引已超过 {seconds} 秒；直接读取目录', '另一個 hanban 佔用目錄索引已超過 {seconds} 秒；直接讀取目錄', 'another hanban has held the catalog index for over {seconds} seconds; loading the catalog directly'),
    'prebuilt.usage': ('用法：python -m hanban.index.prebuilt [输出文件夹 目录文件夹]', '用法：python -m hanban.index.prebuilt [輸出資料夾 目錄資料夾]', 'usage: python -m hanban.index.prebuilt [OUT_FOLDER CATALOG_FOLDER]'),
    'prebuilt.none': ('此 wheel 不含预编译索引（构建环境未安装 {missing}）；安装后的第一条命令会编译目录', '此 wheel 不含預編譯索引（建置環境未安裝 {missing}）；安裝後的第一條命令會編譯目錄', 'no prebuilt index in this wheel ({missing} not installed where it is built); its first command will compile the catalog'),
    'prebuilt.made': ('内置目录的预编译索引：{path}（{size} 字节）', '內建目錄的預編譯索引：{path}（{size} 位元組）', 'prebuilt index of the built-in catalog: {path} ({size} bytes)'),
    'cache.compiling': ('正在编译目录索引', '正在編譯目錄索引', 'compiling the catalog index'),
    'cache.waiting': ('正在等待另一个 hanban 更新目录索引（{path}；最多 {seconds} 秒）……', '正在等待另一個 hanban 更新目錄索引（{path}；最多 {seconds} 秒）……', 'waiting for another hanban that is updating the catalog index ({path}; at most {seconds} seconds)...'),
    'cache.in_use': ('目录索引 {path} 需要重建，但另一个 hanban 正在使用；这次直接读取目录', '目錄索引 {path} 需要重建，但另一個 hanban 正在使用；這次直接讀取目錄', 'the catalog index {path} needs rebuilding but another hanban is using it; loading the catalog directly this time'),
    'cache.damaged': ('{folder} 中的目录索引已损坏，且无法重建；直接读取目录', '{folder} 中的目錄索引已損壞，且無法重建；直接讀取目錄', 'the catalog index in {folder} is damaged and could not be rebuilt; loading the catalog directly'),
    'cache.damaged_again': ('目录索引重建后仍无法读取（{why}）；请执行 `hanban cache clear` 后重试', '目錄索引重建後仍無法讀取（{why}）；請執行 `hanban cache clear` 後重試', 'the catalog index could not be read even after it was rebuilt ({why}); run `hanban cache clear` and try again'),
    'cache.busy_reading': ('另一个 hanban 长时间占用目录索引；请稍后重试', '另一個 hanban 長時間佔用目錄索引；請稍後重試', 'another hanban has held the catalog index too long; try again later'),
    'cache.info_folder': ('缓存文件夹：{folder}', '快取資料夾：{folder}', 'cache folder: {folder}'),
    'cache.info_used': ('最近使用 {date}', '最近使用 {date}', 'used {date}'),
    'cache.info_total': ('共 {n} 个索引，{size}。索引 {days} 天未使用即删除；全部超过 {cap} 时，先删除最久未用的；`hanban cache clear` 立即全部删除。', '共 {n} 個索引，{size}。索引 {days} 天未使用即刪除；全部超過 {cap} 時，先刪除最久未用的；`hanban cache clear` 立即全部刪除。', '{n} index file(s), {size} in all. An index unused for {days} days is deleted, and the least recently used while all pass {cap}; `hanban cache clear` deletes them now.'),
    'cache.cleared': ('已删除 {n} 个目录索引（{size}）；下一个命令会重新编译所需的索引', '已刪除 {n} 個目錄索引（{size}）；下一個命令會重新編譯所需的索引', 'deleted {n} catalog index file(s) ({size}); the next command compiles the one it needs again'),
    'cache.kept_in_use': ('{n} 个索引正被另一个 hanban 使用，予以保留', '{n} 個索引正被另一個 hanban 使用，予以保留', 'kept {n} index file(s) another hanban is using'),
    'help.cmd.changes': ('最近有什么变化：按日期从新到旧列出每条有日期的资料何时起施行、按公布的安排何时到期。', '最近有什麼變化：按日期從新到舊列出每條有日期的資料何時起施行、按公佈的安排何時到期。', 'What changed, newest first: when each dated fact took effect and when it is announced to end.'),
    'help.changes.since': ('只列这一天（YYYY-MM-DD）及以后的变化。', '只列這一天（YYYY-MM-DD）及以後的變化。', 'Only changes on or after this day (YYYY-MM-DD).'),
    'help.changes.json': ('输出变化对象的 JSON 数组。', '輸出變化物件的 JSON 陣列。', 'Print a JSON array of change objects.'),
    'metavar.date': ('日期', '日期', 'DATE'),
    'changes.from.past': ('起施行', '起施行', 'took effect'),
    'changes.from.future': ('将起施行', '將起施行', 'takes effect'),
    'changes.until.past': ('已到期', '已到期', 'ended'),
    'changes.until.future': ('将到期', '將到期', 'announced to end'),
    'msg.no_changes': ('hanban：{since}以来资料目录中没有记录变化。', 'hanban：{since}以來資料目錄中沒有記錄變化。', 'hanban: no change recorded in the catalog since {since}.'),
    'err.bad_since': ('hanban：--since 需要日期（YYYY-MM-DD），而不是“{value}”。', 'hanban：--since 需要日期（YYYY-MM-DD），而不是「{value}」。', 'hanban: --since needs a date (YYYY-MM-DD), not “{value}”.'),
    'help.cmd.cache': ('缓存文件夹中编译好的目录索引：查看与删除。', '快取資料夾中編譯好的目錄索引：檢視與刪除。', 'The compiled catalog indexes in the cache folder: what is there, and deleting them.'),
    'help.cmd.cache.info': ('显示缓存文件夹、其中每个索引（大小、最近使用、对应的目录）以及删除规则。', '顯示快取資料夾、其中每個索引（大小、最近使用、對應的目錄）以及刪除規則。', 'Show the cache folder, each index in it (size, last use, catalog folders) and the rules that delete them.'),
    'help.cmd.cache.clear': ('删除缓存文件夹中的所有索引（下一个命令会重新编译）。', '刪除快取資料夾中的所有索引（下一個命令會重新編譯）。', 'Delete every index in the cache folder (the next command builds its index again).'),
    'punct.colon': ('：', '：', ': '),
    'punct.list_sep': ('、', '、', ', '),
    'punct.item_sep': ('；', '；', '; '),
    'punct.comma': ('，', '，', ', '),
    'show.figure_as_of': ('（数据截至{as_of}）', '（資料截至{as_of}）', '(figure as of {as_of})'),
    'help.cmd.catalog': ('正在使用的资料目录，以及资料包（只更新资料，不必升级 hanban）。', '正在使用的資料目錄，以及資料包（只更新資料，不必升級 hanban）。', 'The catalog in use, and catalog packs: data-only releases that update the facts without a new hanban.'),
    'help.cmd.catalog.info': ('显示正在使用的资料目录：各层（内置、资料包、补充目录）、版本、截至日期和已安装的资料包。', '顯示正在使用的資料目錄：各層（內建、資料包、補充目錄）、版本、截至日期和已安裝的資料包。', 'Show the catalog in use: its layers (built-in, pack, overlays), version, as-of date and the installed packs.'),
    'help.cmd.catalog.pack': ('把一个资料目录文件夹打包成资料包（.tar.gz）：先完整检查，再写出，并打印其 SHA-256。', '把一個資料目錄資料夾打包成資料包（.tar.gz）：先完整檢查，再寫出，並列印其 SHA-256。', 'Make a catalog pack (.tar.gz) from a catalog folder: fully checked first, then written, and its SHA-256 printed.'),
    'help.cmd.catalog.update': ('安装资料包：核验、检查其资料目录，然后原子地切换过去（保留前一个）。', '安裝資料包：核驗、檢查其資料目錄，然後原子地切換過去（保留前一個）。', 'Install a catalog pack: verify it, validate its catalog, then switch to it atomically (the previous one is kept).'),
    'help.cmd.catalog.rollback': ('原子地退回前一个资料包（或内置资料目录）；再运行一次即撤销。', '原子地退回前一個資料包（或內建資料目錄）；再執行一次即撤銷。', 'Go back to the previous pack (or the built-in catalog), atomically; run again to undo.'),
    'help.cmd.catalog.schema': ('打印一个 JSON Schema：资料目录文件、资料包清单或某个命令的 --json 输出；不带名称时列出名称。', '列印一個 JSON Schema：資料目錄檔案、資料包清單或某個命令的 --json 輸出；不帶名稱時列出名稱。', "Print a JSON Schema: a catalog file, the pack manifest, or a command's --json output; without a name, list the names."),
    'help.catalog.info.json': ('以 JSON 输出各层和资料包。', '以 JSON 輸出各層和資料包。', 'Print the layers and packs as JSON.'),
    'help.catalog.pack.folder': ('资料目录文件夹（如 catalog/），其中的 catalog.yaml 写明版本和截至日期。', '資料目錄資料夾（如 catalog/），其中的 catalog.yaml 寫明版本和截至日期。', 'A catalog folder (like catalog/), with a catalog.yaml giving its version and as-of date.'),
    'help.catalog.pack.output': ('资料包写到哪里（文件.tar.gz）。', '資料包寫到哪裡（檔案.tar.gz）。', 'Where to write the pack (FILE.tar.gz).'),
    'help.catalog.pack.force': ('文件已存在时覆盖。', '檔案已存在時覆蓋。', 'Overwrite FILE if it exists.'),
    'help.catalog.pack.seeds': ('同时逐字核对每条引文与该目录中的原文（也可用 HANBAN_SEEDS）。', '同時逐字核對每條引文與該目錄中的原文（也可用 HANBAN_SEEDS）。', 'Also check every quote verbatim against the seed texts in DIR (also HANBAN_SEEDS).'),
    'help.catalog.schema.name': ('Schema 的名称；不写则列出所有名称。', 'Schema 的名稱；不寫則列出所有名稱。', "A schema's name; without it, the names are listed."),
    'help.catalog.update.source': ('资料包：文件路径，或 http:// / https:// 网址。', '資料包：檔案路徑，或 http:// / https:// 網址。', 'A pack: a file path, or an http:// or https:// URL.'),
    'help.catalog.update.sha256': ('资料包的 SHA-256 与十六进制值不符时拒绝（随资料包公布）。', '資料包的 SHA-256 與十六進位值不符時拒絕（隨資料包公佈）。', 'Refuse the pack unless its SHA-256 is HEX (as published with it).'),
    'help.catalog.update.timeout': ('服务器在这么多秒内没有回应就放弃（每次等待）。', '伺服器在這麼多秒內沒有回應就放棄（每次等待）。', 'Give up on a server that does not answer within SECONDS (each wait).'),
    'help.list.all': ('也列出已过有效期（valid_until）的事项（标为已过期）。', '也列出已過有效期（valid_until）的事項（標為已過期）。', 'Also list services past their valid_until date (marked expired).'),
    'metavar.source': ('来源', '來源', 'SOURCE'),
    'metavar.hex': ('十六进制', '十六進位', 'HEX'),
    'metavar.seconds': ('秒数', '秒數', 'SECONDS'),
    'metavar.name': ('[名称]', '[名稱]', '[NAME]'),
    'help.cache.info.json': ('以 JSON 对象输出同样的内容。', '以 JSON 物件輸出同樣的內容。', 'Print the same as a JSON object.'),
}
