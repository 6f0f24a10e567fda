#!/usr/bin/env python3
"""Example pipeline step: hand a freshly trained model version to Shelfwatch and ask the gate to push it.

    register the version → post its scores → post its training statistics → post its sampled
    recommendations → ask the gate → exit 0 when deployed or waiting for a lead, 2 when refused.

It reads what earlier steps of the pipeline wrote (JSON files in the API's own formats) and needs
shelfwatch_client.py beside it (download it from your Shelfwatch at /shelfwatch_client.py). Run:

    export SHELFWATCH_URL=https://shelfwatch.example.com SHELFWATCH_TOKEN=sw_…   # ingest + gate scopes
    python3 pipeline_step.py --model podcast-model --scores scores.json \\
        --statistics training_stats.json --samples samples.json --run-id "$RUN_ID"

scores.json:      {"ndcg@10": 0.351, "recall@50": 0.72}  (or the API's [{"metric", "value", "dataset"}])
statistics:       a TFDV DatasetFeatureStatisticsList as JSON, or Shelfwatch's native profile
samples.json:     {"samples": [{"listener": "id", "items": [{"uri", "rank", "score"}]}], "catalog": [...]}
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any, List, Optional

# shelfwatch_client.py sits beside this file once downloaded (Python finds it there), or one folder up
# in the Shelfwatch repository.
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from shelfwatch_client import GateRefused, Shelfwatch, ShelfwatchError  # noqa: E402

EXIT_REFUSED = 2


def load(path: Optional[str]) -> Any:
    if not path:
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def log(message: str) -> None:
    print(f"[shelfwatch] {message}", flush=True)


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default=os.environ.get("SHELFWATCH_URL"), help="Shelfwatch URL (default: $SHELFWATCH_URL)")
    p.add_argument("--token", default=os.environ.get("SHELFWATCH_TOKEN"), help="API token (default: $SHELFWATCH_TOKEN)")
    p.add_argument("--model", required=True, help="the model's name, e.g. podcast-model")
    p.add_argument("--scores", required=True, help="JSON file of evaluation scores")
    p.add_argument("--statistics", help="JSON file of the training data's statistics (TFDV or native)")
    p.add_argument("--samples", help="JSON file of sampled recommendations for the listener panel")
    p.add_argument("--run-id", help="this pipeline run's id")
    p.add_argument("--run-url", help="a link to this pipeline run")
    p.add_argument("--code-revision", help="the commit the model was trained from")
    p.add_argument("--artifact-uri", help="where the trained model is stored")
    p.add_argument("--trained-at", help="ISO time of training (default: now)")
    p.add_argument("--reason", default="", help="a note for the promotion request")
    args = p.parse_args(argv)

    sw = Shelfwatch(args.url, args.token)
    try:
        version = sw.register_version(
            args.model,
            trained_at=args.trained_at or dt.datetime.now(dt.timezone.utc),
            pipeline_run_id=args.run_id,
            pipeline_run_url=args.run_url,
            code_revision=args.code_revision,
            artifact_uri=args.artifact_uri,
        )
        number = version["version"]
        log(f"registered {args.model} v{number}")

        scores = load(args.scores)
        result = sw.post_evaluations(args.model, number, scores)
        log(f"posted {result['received']} scores")

        statistics = load(args.statistics)
        if statistics is not None:
            result = sw.post_statistics(args.model, statistics, kind="training", version=number)
            anomalous = [r for r in result["reports"] if r["anomalous"]]
            log(f"posted training statistics of {result['dataset']['featureCount']} features; {len(result['reports'])} reports, {len(anomalous)} with anomalies")

        samples = load(args.samples)
        if samples is not None:
            result = sw.post_samples(args.model, number, samples["samples"], catalog=samples.get("catalog", []))
            log(f"posted samples for {result['listeners']} listeners")

        verdict = sw.promote(args.model, number, reason=args.reason or f"pipeline run {args.run_id or ''}".strip())
    except GateRefused as refused:
        log(f"the gate refused {args.model} v{refused.verdict.version}:")
        for reason in refused.verdict.reasons:
            log(f"  - {reason}")
        return EXIT_REFUSED
    except ShelfwatchError as e:
        log(f"failed: {e}")
        return 1

    if verdict.deployed:
        log(f"{args.model} v{number} is now in production")
    else:
        request = verdict.request or {}
        log(f"{args.model} v{number} waits for a lead's approval (promotion request {request.get('id', '?')})")
        for reason in verdict.reasons:
            log(f"  - {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
