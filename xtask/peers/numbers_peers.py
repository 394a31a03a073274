"""Runs the numbers peers (quantulum3, Recognizers-Text) over the inputs of
`cargo xtask eval --stage numbers` and writes their predictions for the Rust
scorer.

Usage: numbers_peers.py IN.json OUT.json
  IN:  {"sets": {name: [text, ...]}}
  OUT: {"tools": {tool: {name: [[prediction, ...] per text]}}}

A prediction: {"start", "end" (code points, end exclusive), "kind" (copydesk's
kind names), "value", "low", "high", "unit", "dimension", "bound"}.
"""

import json
import sys
import warnings

warnings.filterwarnings("ignore")

# quantulum3 entities named as copydesk names its dimensions.
DIMENSIONS = {
    "length": "length",
    "mass": "mass",
    "area": "area",
    "volume": "volume",
    "speed": "speed",
    "temperature": "temperature",
    "energy": "energy",
    "power": "power",
    "time": "duration",
    "data storage": "data",
    "frequency": "frequency",
    "pressure": "pressure",
    "angle": "angle",
}

# Recognizers-Text currency units without an ISO code.
RT_CURRENCY = {"Dollar": "USD", "Pound": "GBP", "Euro": "EUR", "Cent": "USD", "Pence": "GBP", "Penny": "GBP"}
RT_MINOR = {"Cent", "Pence", "Penny"}


def quantulum_tool():
    from quantulum3 import parser

    try:
        from quantulum3 import classifier

        classifier.train_classifier(store=True)
    except Exception as e:  # the classifier is optional; quantulum3 works without it
        print(f"quantulum3: classifier not retrained ({e})", file=sys.stderr)

    def run(text):
        out = []
        try:
            quantities = parser.parse(text)
        except Exception as e:
            print(f"quantulum3 failed on {text[:60]!r}: {e}", file=sys.stderr)
            return out
        for q in quantities:
            start, end = q.span
            unit = q.unit.name
            entity = q.unit.entity.name
            p = {"start": start, "end": end, "value": float(q.value), "low": None, "high": None, "unit": unit}
            if unit == "dimensionless":
                p["kind"] = "count"
                p["unit"] = None
            elif entity == "currency":
                p["kind"] = "money"
                p["unit"] = getattr(q.unit, "currency_code", None) or unit
            elif unit == "percentage":
                p["kind"] = "percent"
                p["unit"] = "percent"
            else:
                p["kind"] = "quantity"
                p["dimension"] = DIMENSIONS.get(entity, entity)
            if q.uncertainty and any(s in q.surface for s in (" to ", "-", "–", "and")):
                p["range_of"] = p["kind"]
                p["kind"] = "range"
                p["low"] = float(q.value - q.uncertainty)
                p["high"] = float(q.value + q.uncertainty)
            out.append(p)
        return out

    return run


def rt_tool():
    from recognizers_suite import (
        Culture,
        recognize_age,
        recognize_currency,
        recognize_dimension,
        recognize_number,
        recognize_ordinal,
        recognize_percentage,
        recognize_temperature,
    )

    def number(v):
        try:
            return float(str(v).rstrip("%"))
        except (TypeError, ValueError):
            return None

    def run(text):
        found = []
        models = [
            ("count", recognize_number),
            ("ordinal", recognize_ordinal),
            ("percent", recognize_percentage),
            ("money", recognize_currency),
            ("quantity", recognize_dimension),
            ("temperature", recognize_temperature),
            ("age", recognize_age),
        ]
        for kind, model in models:
            try:
                results = model(text, Culture.English)
            except Exception as e:
                print(f"recognizers-text {kind} failed on {text[:60]!r}: {e}", file=sys.stderr)
                continue
            for r in results:
                res = r.resolution or {}
                value = number(res.get("value"))
                if value is None:
                    continue
                p = {"start": r.start, "end": r.end + 1, "kind": kind, "value": value, "low": None, "high": None}
                unit = res.get("unit")
                if kind == "money":
                    if unit in RT_MINOR:
                        p["value"] = value / 100
                    p["unit"] = res.get("isoCurrency") or RT_CURRENCY.get(unit, unit)
                elif kind == "quantity":
                    p["unit"] = unit
                    p["dimension"] = (res.get("subtype") or "").lower().replace("weight", "mass")
                elif kind == "temperature":
                    p["kind"] = "quantity"
                    p["dimension"] = "temperature"
                    p["unit"] = {"C": "degree Celsius", "F": "degree Fahrenheit"}.get(unit, unit)
                elif kind == "percent":
                    p["unit"] = "percent"
                elif kind == "age":
                    p["unit"] = (unit or "").lower()
                found.append(p)
        # A number inside a currency, unit, percent or age is part of it: keep the longer.
        keep = []
        for p in found:
            inside = any(
                q is not p and q["start"] <= p["start"] and p["end"] <= q["end"] and q["end"] - q["start"] > p["end"] - p["start"]
                for q in found
            )
            if not inside:
                keep.append(p)
        return keep

    return run


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        sets = json.load(f)["sets"]
    tools = {}
    for name, make in (("quantulum3", quantulum_tool), ("recognizers-text", rt_tool)):
        try:
            run = make()
        except Exception as e:
            print(f"{name}: could not start ({e})", file=sys.stderr)
            continue
        tools[name] = {set_name: [run(t) for t in texts] for set_name, texts in sets.items()}
        print(f"{name}: done", file=sys.stderr)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"tools": tools}, f)


if __name__ == "__main__":
    main()
