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
    # limits of what a catalog may hold (README, "Limits")
    'err.too_many_questions': ('问题共 {n} 个，上限为 {limit} 个', '問題共 {n} 個，上限為 {limit} 個', '{n} questions; the limit is {limit}'),
    'err.flow_too_intricate': ('到问题 {q} 为止，后续条件需要区分的回答组合有 {n} 种，超过上限 {limit} 种：请简化条件（让每个条件只读取少数几个先前的回答）', '到問題 {q} 為止，後續條件需要區分的回答組合有 {n} 種，超過上限 {limit} 種：請簡化條件（讓每個條件只讀取少數幾個先前的回答）', 'up to question {q}, later conditions tell apart {n} combinations of answers, over the limit of {limit}: simplify the conditions (each reading only a few earlier answers)'),
    'err.unsafe_file_name': ('文件名含有控制字符或不可见字符 {char}：请重命名该文件', '檔名含有控制字元或不可見字元 {char}：請重新命名該檔案', 'the name holds {char}, a control or invisible character: rename it'),
    'err.unsafe_name': ('名称含有控制字符、不可见字符或换行 {char}（可用来伪造相似的名称）', '名稱含有控制字元、不可見字元或換行 {char}（可用來偽造相似的名稱）', 'a name may not hold {char} (a control or invisible character, tab or newline: they make look-alike names)'),
    'err.query_too_long': ('查询超过 {limit} 个字符：请用更少的字词描述要办的事项', '查詢超過 {limit} 個字元：請用更少的字詞描述要辦的事項', 'the query is longer than {limit} characters; describe the service in fewer words'),
    'enc.cannot_show': ('终端的字符集（{encoding}）无法显示部分字符（包括中文），已显示为“?”。请使用 UTF-8 区域设置（如 LANG=C.UTF-8）或设置 PYTHONIOENCODING=utf-8。', '終端機的字元集（{encoding}）無法顯示部分字元（包括中文），已顯示為「?」。請使用 UTF-8 地區設定（如 LANG=C.UTF-8）或設定 PYTHONIOENCODING=utf-8。', "this terminal's character set ({encoding}) cannot show some characters (Chinese among them); they were printed as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8."),
    # --output and --save-answers
    'out.exists': ('{path} 已存在；如要覆盖请加 --force', '{path} 已存在；如要覆寫請加 --force', '{path} already exists; use --force to overwrite it'),
    'out.folder': ('{path} 是文件夹', '{path} 是資料夾', '{path} is a folder'),
    'out.symlink': ('{path} 是符号链接：只写入普通文件（请删除该链接或换一个文件名）', '{path} 是符號連結：只寫入一般檔案（請刪除該連結或換一個檔名）', '{path} is a symbolic link: hanban writes only regular files (remove the link or choose another name)'),
    'out.not_regular': ('{path} 不是普通文件（是管道、设备或套接字）：只写入普通文件', '{path} 不是一般檔案（是管道、裝置或通訊端）：只寫入一般檔案', '{path} is not a regular file (a pipe, device or socket): hanban writes only regular files'),
    'out.cannot_write': ('无法写入 {path}：{why}', '無法寫入 {path}：{why}', 'cannot write {path}: {why}'),
    'out.unknown_format': ('{path}：未知的输出格式；请使用 .md、.html 或 .json 文件名', '{path}：未知的輸出格式；請使用 .md、.html 或 .json 檔名', '{path}: unknown output format; use a .md, .html or .json file name'),
    'out.answers_suffix': ('{path}：回答保存为 YAML，请使用 .yaml 或 .yml 文件名', '{path}：回答儲存為 YAML，請使用 .yaml 或 .yml 檔名', '{path}: answers are saved as YAML; use a .yaml or .yml file name'),
    'out.no_folder': ('{path}：文件夹不存在', '{path}：資料夾不存在', '{path}: the folder does not exist'),
    # the catalog index (cache)
    'cache.folder_unusable': ('无法使用目录索引文件夹 {folder}（{why}）；直接读取目录', '無法使用目錄索引資料夾 {folder}（{why}）；直接讀取目錄', 'cannot use the catalog index folder {folder} ({why}); loading the catalog directly'),
    'cache.unwritable': ('无法在 {folder} 中写入目录索引（{why}）；直接读取目录', '無法在 {folder} 中寫入目錄索引（{why}）；直接讀取目錄', 'cannot write the catalog index in {folder} ({why}); loading the catalog directly'),
    'cache.not_yours': ('{path} 属于另一个用户（uid {uid}），不予信任；直接读取目录', '{path} 屬於另一個使用者（uid {uid}），不予信任；直接讀取目錄', '{path} belongs to another user (uid {uid}) and is not trusted; loading the catalog directly'),
    'cache.folder_open': ('目录索引文件夹 {folder} 其他用户也可写入（权限 {mode}，无粘滞位），不予信任；直接读取目录（请执行 chmod 700）', '目錄索引資料夾 {folder} 其他使用者也可寫入（權限 {mode}，無黏滯位），不予信任；直接讀取目錄（請執行 chmod 700）', 'the catalog index folder {folder} can be written by other users (mode {mode}, no sticky bit) and is not trusted; loading the catalog directly (chmod 700 it)'),
    'cache.not_a_file': ('{path} 不是普通文件（可能是符号链接），不予打开；直接读取目录', '{path} 不是一般檔案（可能是符號連結），不予開啟；直接讀取目錄', '{path} is not a regular file (a symbolic link?) and is not opened; loading the catalog directly'),
    'cache.full': ('{folder} 所在磁盘已满，无法更新目录索引（{why}）；直接读取目录', '{folder} 所在磁碟已滿，無法更新目錄索引（{why}）；直接讀取目錄', 'the disk under {folder} is full: the catalog index cannot be updated ({why}); loading the catalog directly'),
    'cache.busy': ('另一个 hanban 占用目录索引已超过 {seconds} 秒；直接读取目录', '另一個 hanban 佔用目錄索引已超過 {seconds} 秒；直接讀取目錄', 'another hanban has held the catalog index for over {seconds} seconds; loading the catalog directly'),
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
}
