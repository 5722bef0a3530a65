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
    """zh_TW/zh_HK/zh_MO (or zh_Hant) -> zh-Hant, en_* -> en, anything else -> zh-Hans."""
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
    if low.startswith("en"):
        return "en"
    return "zh-Hans"


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
    'show.where': ('去哪里办', '去哪裏辦', 'Where to go'),
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
    'cl.may_be_exempt_note': ('关于“可能免交”的公安证照：“免交证、办成事”改革正在推进（能减则减、能免则免），各地进度不一，不确定时请带上。', '關於“可能免交”的公安證照：“免交證、辦成事”改革正在推進（能減則減、能免則免），各地進度不一，不確定時請帶上。', 'About the police-issued documents you may not have to hand in: the 免交证 reform (“reduce what can be reduced, waive what can be waived”) is under way and local progress varies, so bring them if unsure.'),
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
    'h.where': ('去哪里办', '去哪裏辦', 'Where to go'),
    'h.bring': ('需携带', '需攜帶', 'What to bring'),
    'h.may_be_exempt': ('如被要求提供，以下公安证照可能免交（不确定时请带上）', '如被要求提供，以下公安證照可能免交（不確定時請帶上）', 'Police-issued documents you may not have to hand in if asked for them (bring them if unsure)'),
    'h.step': ('步骤', '步驟', 'Steps'),
    'h.note': ('说明', '說明', 'Notes'),
    'h.sources': ('资料来源', '資料來源', 'Sources'),
    'h.as_of': ('信息截至', '信息截至', 'Information as of'),
    'h.disclaimer': ('本清单依据所列资料生成；各地执行情况可能不同，请以当地公安机关为准。', '本清單依據所列資料生成；各地執行情況可能不同，請以當地公安機關爲準。', 'This checklist is built from the sources listed; local practice may differ, so the local police have the final word.'),
    'w.back': ('← 返回上一题', '← 返回上一題', '← Back to the previous question'),
    'w.yes': ('是', '是', 'Yes'),
    'w.no': ('否', '否', 'No'),
    'w.progress': ('第{n}题，共约{total}题', '第{n}題，共約{total}題', 'question {n} of about {total}'),
    'w.text_back': ('（输入 < 返回上一题）', '（輸入 < 返回上一題）', '(type < to go back)'),
    'w.review': ('请核对您的回答：', '請覈對您的回答：', 'Your answers — check them:'),
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
    'age.warning': ('信息截至{date}（{ago}）：政策可能已有变化，请向当地公安机关确认。', '資料截至{date}（{ago}）：政策可能已有變化，請向當地公安機關確認。', 'As of {date}, {ago}: policies may have changed; check with the local office.'),
    'age.expired': ('已失效：有效期至{date}', '已失效：有效期至{date}', 'expired: in force until {date}'),
    'age.superseded': ('，已由“{by}”取代', '，已由「{by}」取代', '; replaced by “{by}”'),
    'age.pending': ('尚未施行：自{date}起施行', '尚未施行：自{date}起施行', 'not yet in force: from {date}'),
    'show.flag': ('【{note}】', '【{note}】', '[{note}] '),
    'show.reviewed_on': ('核对于', '核對於', 'Reviewed on'),
    'show.service_expired': ('本事项{note}。', '本事項{note}。', 'This service is {note}.'),
    'list.hidden': ('另有{n}项已失效的事项未列出（加 --all 显示）', '另有{n}項已失效的事項未列出（加 --all 顯示）', '{n} expired service(s) not listed (--all lists them)'),
    'err.setting': ('环境变量 {var}={value} 无法使用：应为 {expected}', '環境變數 {var}={value} 無法使用：應為 {expected}', 'cannot use {var}={value}: expected {expected}'),
    'version.line': ('hanban {version}（数据目录 {catalog}，{n} 项服务，资料年份 {years}）', 'hanban {version}（資料目錄 {catalog}，{n} 項服務，資料年份 {years}）', 'hanban {version} (catalog {catalog}, {n} services, facts as of {years})'),
    'version.unversioned': ('无版本', '無版本', 'without a version'),
    'pack.refused': ('已拒绝，未做任何改动：{why}', '已拒絕，未做任何變更：{why}', 'refused, nothing changed: {why}'),
    'pack.manifest.json': ('{source}：manifest.json 不是有效的 JSON 对象', '{source}：manifest.json 不是有效的 JSON 物件', '{source}: manifest.json is not a valid JSON object'),
    'pack.manifest.field': ('{source}：manifest.json 缺少有效的“{name}”', '{source}：manifest.json 缺少有效的「{name}」', "{source}: manifest.json has no valid '{name}'"),
    'pack.manifest.entry': ('{source}：manifest.json 中“{name}”一项无效', '{source}：manifest.json 中「{name}」一項無效', "{source}: manifest.json has a bad entry for '{name}'"),
    'pack.err.format': ('{source}：数据包格式 {got} 比本版 hanban 能读的（{ours}）更新；请升级 hanban', '{source}：資料包格式 {got} 比本版 hanban 能讀的（{ours}）更新；請升級 hanban', '{source}: pack format {got} is newer than this hanban reads ({ours}); upgrade hanban'),
    'pack.err.min_version': ('{source} 需要 hanban {need} 或更新版本（当前为 {ours}）', '{source} 需要 hanban {need} 或更新版本（目前為 {ours}）', '{source} needs hanban {need} or newer (this is {ours})'),
    'pack.err.web_page': ('{source} 是网页，不是数据包（链接有误？）', '{source} 是網頁，不是資料包（連結有誤？）', '{source} is a web page, not a catalog pack (a wrong link?)'),
    'pack.err.not_pack': ('{source} 不是数据包（不是 .tar.gz 压缩包）', '{source} 不是資料包（不是 .tar.gz 壓縮檔）', '{source} is not a catalog pack (not a .tar.gz archive)'),
    'pack.err.damaged': ('{source} 已损坏或不完整', '{source} 已損壞或不完整', '{source} is damaged or truncated'),
    'pack.err.no_manifest': ('{source} 中没有 manifest.json', '{source} 中沒有 manifest.json', '{source} has no manifest.json'),
    'pack.err.unlisted': ('{source}：“{name}”不在 manifest.json 中', '{source}：「{name}」不在 manifest.json 中', "{source}: '{name}' is not listed in manifest.json"),
    'pack.err.missing': ('{source}：manifest.json 列出的“{name}”不在包中', '{source}：manifest.json 列出的「{name}」不在包中', "{source}: '{name}' is in manifest.json but not in the archive"),
    'pack.err.hash': ('{source}：“{name}”与 manifest.json 中的 SHA-256 不符', '{source}：「{name}」與 manifest.json 中的 SHA-256 不符', "{source}: '{name}' does not match its SHA-256 in manifest.json"),
    'pack.err.too_many': ('{source} 的文件超过 {limit} 个', '{source} 的檔案超過 {limit} 個', '{source} holds more than {limit} files'),
    'pack.member.absolute': ('{source}：成员“{name}”是绝对路径', '{source}：成員「{name}」是絕對路徑', "{source}: member '{name}' is an absolute path"),
    'pack.member.parent': ('{source}：成员“{name}”含“..”，会写到数据包目录之外', '{source}：成員「{name}」含「..」，會寫到資料包目錄之外', "{source}: member '{name}' contains '..' and would be written outside the pack"),
    'pack.member.name': ('{source}：成员名“{name}”不允许（反斜杠、隐藏名）', '{source}：成員名「{name}」不允許（反斜線、隱藏名稱）', "{source}: member name '{name}' is not allowed (a backslash or a hidden name)"),
    'pack.member.link': ('{source}：成员“{name}”是链接', '{source}：成員「{name}」是連結', "{source}: member '{name}' is a link"),
    'pack.member.special': ('{source}：成员“{name}”是设备或管道，不是普通文件', '{source}：成員「{name}」是裝置或管道，不是一般檔案', "{source}: member '{name}' is a device or pipe, not a regular file"),
    'pack.member.not_yaml': ('{source}：成员“{name}”不是 YAML 文件', '{source}：成員「{name}」不是 YAML 檔案', "{source}: member '{name}' is not a YAML file"),
    'pack.member.twice': ('{source}：成员“{name}”出现两次', '{source}：成員「{name}」出現兩次', "{source}: member '{name}' appears twice"),
    'pack.member.too_big': ('{source}：成员“{name}”过大', '{source}：成員「{name}」過大', "{source}: member '{name}' is too large"),
    'pack.err.scheme': ('{source}：只接受文件路径或 http://、https:// 网址', '{source}：只接受檔案路徑或 http://、https:// 網址', '{source}: only a file path or an http:// or https:// URL is accepted'),
    'pack.err.no_file': ('{source}：没有这个文件', '{source}：沒有這個檔案', '{source}: no such file'),
    'pack.err.read': ('无法读取 {source}：{why}', '無法讀取 {source}：{why}', 'cannot read {source}: {why}'),
    'pack.err.too_big': ('{source} 超过 {limit} 字节', '{source} 超過 {limit} 位元組', '{source} is larger than {limit} bytes'),
    'pack.err.http': ('{source}：服务器回答 HTTP {code} {reason}', '{source}：伺服器回應 HTTP {code} {reason}', '{source}: the server answered HTTP {code} {reason}'),
    'pack.err.timeout': ('{source}：{seconds} 秒内没有回应', '{source}：{seconds} 秒內沒有回應', '{source}: no answer within {seconds} s'),
    'pack.err.network': ('无法下载 {source}：{why}', '無法下載 {source}：{why}', 'cannot download {source}: {why}'),
    'pack.err.sha256_arg': ('--sha256 应为 64 个十六进制字符', '--sha256 應為 64 個十六進位字元', '--sha256 must be 64 hexadecimal characters'),
    'pack.err.digest': ('{source} 的 SHA-256 是 {got}，而不是 {want}', '{source} 的 SHA-256 是 {got}，而不是 {want}', '{source} has SHA-256 {got}, not {want}'),
    'pack.err.disk': ('无法在 {folder} 中安装数据包：{why}', '無法在 {folder} 中安裝資料包：{why}', 'cannot install the pack in {folder}: {why}'),
    'pack.err.busy': ('另一个 hanban 正在更新数据（{lock}）；请等它结束后再试', '另一個 hanban 正在更新資料（{lock}）；請等它結束後再試', 'another hanban is updating the catalog ({lock}); try again when it has finished'),
    'pack.err.no_previous': ('没有可以退回的上一个数据包', '沒有可以退回的上一個資料包', 'there is no previous pack to go back to'),
    'pack.err.previous_gone': ('上一个数据包 {name} 已不存在', '上一個資料包 {name} 已不存在', 'the previous pack {name} is no longer there'),
    'pack.err.not_folder': ('{folder} 不是文件夹', '{folder} 不是資料夾', '{folder} is not a folder'),
    'pack.err.no_identity': ('{folder} 没有数据目录标识（catalog.yaml 中的 catalog: version 和 as_of）', '{folder} 沒有資料目錄標識（catalog.yaml 中的 catalog: version 和 as_of）', '{folder} gives no catalog identity (catalog: version and as_of, in a catalog.yaml)'),
    'pack.err.invalid': ('数据包中的数据目录未通过校验（{n} 个问题；第一个：{first}）', '資料包中的資料目錄未通過驗證（{n} 個問題；第一個：{first}）', 'the catalog in the pack does not validate ({n} problem(s); first: {first})'),
    'pack.err.identity': ('manifest.json 写的是 {want}，数据目录写的是 {got}', 'manifest.json 寫的是 {want}，資料目錄寫的是 {got}', 'manifest.json says {want} but the catalog says {got}'),
    'pack.err.not_valid_folder': ('{folder} 未通过校验（{n} 个问题，见上）；未写出数据包', '{folder} 未通過驗證（{n} 個問題，見上）；未寫出資料包', '{folder} does not validate ({n} problem(s), above); no pack was written'),
    'pack.done.pack': ('已写出 {file}：数据目录 {version}，{n} 个文件（SHA-256 见标准输出）', '已寫出 {file}：資料目錄 {version}，{n} 個檔案（SHA-256 見標準輸出）', 'wrote {file}: catalog {version}, {n} files (its SHA-256 is on stdout)'),
    'pack.done.update': ('已改用数据目录 {version}（截至 {as_of}），来自 {source}；hanban catalog rollback 可退回{previous}', '已改用資料目錄 {version}（截至 {as_of}），來自 {source}；hanban catalog rollback 可退回{previous}', 'now using catalog {version} (as of {as_of}) from {source}; `hanban catalog rollback` goes back to {previous}'),
    'pack.done.same': ('这个数据包（数据目录 {version}）已在使用中；未做任何改动', '這個資料包（資料目錄 {version}）已在使用中；未做任何變更', 'this pack (catalog {version}) is already in use; nothing changed'),
    'pack.done.rollback': ('已退回{now}；再次执行 hanban catalog rollback 可回到{left}', '已退回{now}；再次執行 hanban catalog rollback 可回到{left}', 'now using {now}; `hanban catalog rollback` again goes back to {left}'),
    'pack.label.builtin': ('内置数据目录', '內建資料目錄', 'the built-in catalog'),
    'pack.label.pack': ('数据包 {version}', '資料包 {version}', 'pack {version}'),
    'info.layer.builtin': ('内置', '內建', 'built-in'),
    'info.layer.pack': ('数据包', '資料包', 'pack'),
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
    'info.data': ('数据包文件夹', '資料包資料夾', 'Pack folder'),
    'info.pack_missing': ('state.json 指向的数据包 {name} 不存在：正在使用内置数据目录', 'state.json 指向的資料包 {name} 不存在：正在使用內建資料目錄', 'the current pack {name} named by state.json is missing: the built-in catalog is in use'),
    'err.schema': ('没有名为“{name}”的模式；可用：{known}', '沒有名為「{name}」的結構描述；可用：{known}', "no schema is called '{name}'; there are: {known}"),
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
}
