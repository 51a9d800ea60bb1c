#!/usr/bin/env python3
"""Writes the manifest (atlas.json) of the Vechta example atlas without the keck-atlas CLI.

Usage: make_atlas.py BOUNDARIES.geojson VALUES.csv OUT/atlas.json

Standard library only. The geometry file beside the manifest (gemeinden.fgb) is written by
GDAL's ogr2ogr; see "Producing an atlas without the CLI" in docs/data-contract.md.
"""
import csv
import json
import math
import sys
from pathlib import Path

CONTRACT = "1.2"
YEAR = 2013
KEY_COLUMN = "Schlüssel"
SOURCE = "KECK-Abschlussbericht, Kommunalporträt Landkreis Vechta (Bertelsmann Stiftung 2015)"

# Column of the table -> indicator. Both are shares as printed in the source: no counts stand
# behind them here, so nothing can be recomputed from them ("withoutCounts"). Counts would need
# the suppression the CLI does (see docs/data-contract.md) before they may be published.
INDICATORS = {
    "Anteil unter 15-Jähriger an der Gesamtbevölkerung": {
        "id": "u15-share",
        "title": {
            "de": "Anteil unter 15-Jähriger an der Gesamtbevölkerung",
            "en": "Share of under-15-year-olds in the population",
            "tr": "15 yaş altındakilerin nüfus içindeki payı",
        },
        "shortTitle": {"de": "Unter 15-Jährige", "en": "Under-15s", "tr": "15 yaş altı"},
        "definition": {
            "de": "Einwohnerinnen und Einwohner unter 15 Jahren je 100 Einwohner insgesamt, am 31.12.",
            "en": "Residents under 15 per 100 residents, on 31 December.",
        },
    },
    "Anteil Nicht-Deutsche unter 15 Jahren an allen unter 15-Jährigen": {
        "id": "non-german-u15-share",
        "title": {
            "de": "Anteil Nicht-Deutsche unter 15 Jahren an allen unter 15-Jährigen",
            "en": "Share of non-German nationals among under-15-year-olds",
        },
        "shortTitle": {"de": "Nicht-Deutsche unter 15", "en": "Non-German under-15s"},
        "definition": {
            "de": "Kinder unter 15 Jahren ohne deutsche Staatsangehörigkeit je 100 Kinder unter 15 Jahren, am 31.12.",
            "en": "Children under 15 without German citizenship per 100 children under 15, on 31 December.",
        },
    },
}


def number(text, where):
    """A number written the German way ("1.234,56"); an empty cell is missing (null)."""
    text = text.strip()
    if text == "":
        return None
    try:
        return float(text.replace(".", "").replace(",", "."))
    except ValueError:
        sys.exit(f"{where}: expected a number such as 16,15, found {text!r}")


def positions(coordinates):
    """Every [lon, lat] of a GeoJSON Polygon or MultiPolygon."""
    if isinstance(coordinates[0], (int, float)):
        yield coordinates
    else:
        for part in coordinates:
            yield from positions(part)


def main(boundaries, table, out):
    features = json.loads(Path(boundaries).read_text(encoding="utf-8"))["features"]
    areas = [{"key": f["properties"]["ags"], "name": f["properties"]["name"]} for f in features]
    keys = {area["key"] for area in areas}
    points = [p for f in features for p in positions(f["geometry"]["coordinates"])]
    bbox = [
        math.floor(min(p[0] for p in points) * 1e4) / 1e4,
        math.floor(min(p[1] for p in points) * 1e4) / 1e4,
        math.ceil(max(p[0] for p in points) * 1e4) / 1e4,
        math.ceil(max(p[1] for p in points) * 1e4) / 1e4,
    ]

    with open(table, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    indicators, blocks = [], []
    for column, meta in INDICATORS.items():
        values, reference = {}, None
        for line, row in enumerate(rows, start=2):
            where = f"{table}: line {line}, column {column!r}"
            raw_key = row[KEY_COLUMN].strip()
            if raw_key == "":  # the row without key is the district as a whole
                reference = number(row[column], where)
                continue
            key = raw_key.zfill(8)  # the table lost the official key's leading zero
            if key not in keys:
                sys.exit(f"{table}: line {line}: key {raw_key!r} is no area of {boundaries}")
            values[key] = number(row[column], where)
        indicators.append({
            **meta, "unit": "%", "kind": "share", "withoutCounts": True, "decimals": 2,
            "source": SOURCE, "years": [YEAR], "topic": "demography", "polarity": "neutral", "published": True,
        })
        blocks.append({"indicator": meta["id"], "level": "gemeinde", "year": YEAR, "reference": reference, "values": values})

    manifest = {
        "contract": CONTRACT,
        "id": "vechta-without-cli",
        "title": {"de": "Sozialatlas Landkreis Vechta", "en": "Social atlas of Vechta district", "tr": "Vechta İlçesi Sosyal Atlası"},
        "publisher": "Beispiel: Daten aus dem KECK-Abschlussbericht",
        "build": "public",
        "attribution": [
            {
                "text": "© GeoBasis-DE / BKG 2017 (Daten verändert)",
                "url": "https://www.bkg.bund.de",
                "licence": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                "licenceUrl": "https://www.govdata.de/dl-de/by-2-0",
            },
            {"text": "Daten: " + SOURCE},
        ],
        "reference": {"name": "Landkreis Vechta", "label": {"de": "Landkreis Vechta (Durchschnitt)", "en": "Vechta district (average)"}, "key": "03460"},
        "defaults": {"level": "gemeinde", "indicator": "u15-share", "year": YEAR},
        "topics": [{"id": "demography", "title": {"de": "Bevölkerung", "en": "Population", "tr": "Nüfus"}}],
        "levels": [{
            "id": "gemeinde",
            "title": {"de": "Gemeinden", "en": "Municipalities", "tr": "Belediyeler"},
            "geometry": {"url": "gemeinden.fgb", "keyField": "ags", "nameField": "name", "indexed": True, "bbox": bbox},
            "areas": areas,
        }],
        "indicators": indicators,
        "values": blocks,
    }
    Path(out).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
