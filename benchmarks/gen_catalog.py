"""Write a synthetic, schema-valid catalog overlay of N services spread over regional files.

    python benchmarks/gen_catalog.py --services 66000 --out /tmp/overlay

The output is deterministic for a given N (no clock, no randomness beyond a seeded PRNG), about
850 bytes of flow-style YAML per service (66,000 services: about 56 MB in 3,000 files), with names in
both scripts, aliases, the three channels, documents, places and sources that resolve against the
built-in catalog. Quotes are real phrases of the seed texts, so `--seeds` checks pass too.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SERVICES_PER_FILE = 22
MAX_FILES = 3000

PROVINCES = [
    ("beijing", "北京"), ("tianjin", "天津"), ("hebei", "河北"), ("shanxi", "山西"), ("neimenggu", "内蒙古"),
    ("liaoning", "辽宁"), ("jilin", "吉林"), ("heilongjiang", "黑龙江"), ("shanghai", "上海"), ("jiangsu", "江苏"),
    ("zhejiang", "浙江"), ("anhui", "安徽"), ("fujian", "福建"), ("jiangxi", "江西"), ("shandong", "山东"),
    ("henan", "河南"), ("hubei", "湖北"), ("hunan", "湖南"), ("guangdong", "广东"), ("guangxi", "广西"),
    ("hainan", "海南"), ("chongqing", "重庆"), ("sichuan", "四川"), ("guizhou", "贵州"), ("yunnan", "云南"),
    ("xizang", "西藏"), ("shaanxi", "陕西"), ("gansu", "甘肃"), ("qinghai", "青海"), ("ningxia", "宁夏"),
    ("xinjiang", "新疆"),
]
TOPICS = [
    ("hukou", "户口迁移", "hukou transfer", "户口"), ("id-card", "身份证补领", "ID card replacement", "身份证"),
    ("residence", "居住证签注", "residence permit endorsement", "居住证"),
    ("certificates", "无犯罪记录证明", "no-criminal-record certificate", "证明"),
    ("immigration", "出入境证件办理", "exit-entry document", "出入境"),
    ("traffic", "驾驶证换领", "driving licence renewal", "驾驶证"),
    ("security", "治安许可审批", "public-order licence", "许可"),
    ("business", "企业事项办理", "business registration matter", "企业"),
]
PLACES = ["police-station-window", "government-service-centre-police-window", "mps-internet-government-service-platform",
          "traffic-12123", "county-public-security-bureau", "vehicle-administration-office"]
DOCS = ["hukou-booklet", "id-card", "residence-permit", "driving-licence", "passport"]
REGIONS = ["jing-jin-ji", "yangtze-river-delta", "greater-bay-area"]
SEED = "000_c6c68a2d4d68e37f.txt"
Q_CROSS = "全面实施“跨省通办”"
Q_ONLINE = "一窗受理、综合服务"
Q_DOCS = "免交居民户口簿"
Q_WEB = "持续推进公安政务服务“全程网办”"


def service_yaml(n: int, province: tuple[str, str], rng: random.Random) -> str:
    """One service entry, about 850 bytes of flow-style YAML."""
    slug, zh_prov = province
    topic, zh, en, short = TOPICS[n % len(TOPICS)]
    sid = f"{slug}-{topic}-{n:06d}"
    cross = rng.random() < 0.35
    online = rng.random() < 0.3
    window = rng.random() < 0.4
    place = PLACES[n % len(PLACES)]
    doc = DOCS[n % len(DOCS)]
    src = f"{{file: {SEED}, measure: 15, quote: {Q_CROSS}}}"
    src13 = f"{{file: {SEED}, measure: 13, quote: {Q_ONLINE}}}"
    src14 = f"{{file: {SEED}, measure: 14, quote: {Q_WEB}}}"  # 全程网办 is measure 14's

    def channel(on: bool, status: str, source: str, regions: str = "") -> str:
        if not on:
            return "{available: false, status: not_stated}"
        return f"{{available: true, status: {status}{regions}, sources: [{source}]}}"

    region = f", regions: [{REGIONS[n % 3]}]" if n % 7 == 0 else ""
    return (
        f"  - id: {sid}\n"
        f"    name: {{zh-Hans: {zh_prov}{zh}第{n}项, en: {en.capitalize()} no. {n} ({slug.capitalize()})}}\n"
        f"    aliases: {{zh-Hans: [{zh_prov}{short}{n}], en: [{topic} {n}]}}\n"
        f"    category: {topic}\n"
        f"    audience: [citizen]\n"
        f"    summary: {{zh-Hans: {zh_prov}{zh}事项。, en: {en.capitalize()} in {slug.capitalize()}.}}\n"
        f"    channels:\n"
        f"      one_window: {channel(window, 'not_stated', src13)}\n"
        f"      fully_online: {channel(online, 'pilot', src14, region)}\n"
        f"      cross_province: {channel(cross, 'nationwide', src)}\n"
        + (f"    measures: [16]\n    documents: [{{kind: {doc}, exemption: may_be_exempt, sources: [{{file: {SEED}, measure: 16, quote: {Q_DOCS}}}]}}]\n" if n % 5 < 2 else "")
        + f"    where: [{place}]\n"
        f"    sources: [{src}]\n"
    )


def generate(services: int, out: Path) -> list[Path]:
    """Write the overlay into `out` (replacing it); return the files written."""
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(services)
    files = max(1, min(MAX_FILES, -(-services // SERVICES_PER_FILE)))
    per_file, extra = divmod(services, files)
    written: list[Path] = []
    n = 0
    for f in range(files):
        province = PROVINCES[f % len(PROVINCES)]
        path = out / province[0] / f"district-{f:04d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        count = per_file + (1 if f < extra else 0)
        body = [f"# Synthetic overlay: {province[1]}, district {f}\nservices:\n"]
        for _ in range(count):
            body.append(service_yaml(n, province, rng))
            n += 1
        path.write_text("".join(body), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, required=True, help="how many services to write")
    parser.add_argument("--out", type=Path, required=True, help="overlay folder to (re)create")
    args = parser.parse_args()
    files = generate(args.services, args.out)
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {args.services} services in {len(files)} files ({size / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
