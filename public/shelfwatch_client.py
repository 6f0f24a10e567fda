"""Shelfwatch client for pipeline steps: one file, Python 3.8+ standard library only.

Download it from your Shelfwatch (``/shelfwatch_client.py``) next to your pipeline code, then::

    from shelfwatch_client import Shelfwatch, GateRefused

    sw = Shelfwatch("https://shelfwatch.example.com", token=os.environ["SHELFWATCH_TOKEN"])
    v = sw.register_version("podcast-model", trained_at=trained_at, pipeline_run_id=run_id)
    sw.post_evaluations("podcast-model", v["version"], {"ndcg@10": 0.351, "recall@50": 0.72})
    verdict = sw.promote("podcast-model", v["version"])  # raises GateRefused when the gate says no

Every call that fails raises a ShelfwatchError subclass carrying the HTTP status, the server's error
code and message, and ``fields``: the fields at fault, as the server named them. Calls are retried on
connection errors, timeouts and 5xx answers, with backoff; writes carry one Idempotency-Key across all
their attempts, so a retried write is never stored twice.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import http.client
import json as _json
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Union

__all__ = [
    "Shelfwatch",
    "GateVerdict",
    "FieldError",
    "ShelfwatchError",
    "InvalidRequest",
    "Unauthenticated",
    "Forbidden",
    "NotFound",
    "Conflict",
    "PayloadTooLarge",
    "ServerError",
    "ConnectionFailed",
    "GateRefused",
    "verify_webhook_signature",
]
__version__ = "1.0.0"

Json = Any
When = Union[str, _dt.datetime, _dt.date]


class FieldError(NamedTuple):
    """One field the server refused: a dotted path ("evaluations.3.value") and why."""

    path: str
    message: str


class ShelfwatchError(Exception):
    """A call that did not succeed; ``status`` is None when the server could not be reached."""

    def __init__(self, message: str, *, status: Optional[int] = None, code: str = "", fields: Sequence[FieldError] = (), method: str = "", url: str = "", body: Json = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.fields: List[FieldError] = list(fields)
        self.method = method
        self.url = url
        self.body = body

    def __str__(self) -> str:
        head = f"{self.status} {self.code}: {self.message}" if self.status else self.message
        if self.method:
            head += f" ({self.method} {self.url})"
        return "\n".join([head] + [f"  {f.path}: {f.message}" for f in self.fields])


class InvalidRequest(ShelfwatchError):
    """400: the payload is not valid; ``fields`` names every field at fault. Nothing was stored."""


class Unauthenticated(ShelfwatchError):
    """401: no token, or an unknown, revoked or expired one."""


class Forbidden(ShelfwatchError):
    """403: the token lacks the scope (ingest, gate, read) this call needs."""


class NotFound(ShelfwatchError):
    """404: the model, version or listener does not exist."""


class Conflict(ShelfwatchError):
    """409: the request conflicts with what is stored (or its idempotency key with another request)."""


class PayloadTooLarge(ShelfwatchError):
    """413: the body is too large; send smaller batches."""


class ServerError(ShelfwatchError):
    """5xx after every retry."""


class ConnectionFailed(ShelfwatchError):
    """The server could not be reached (or did not answer in time) after every retry."""


class GateRefused(ShelfwatchError):
    """The gate refused the version; ``verdict.reasons`` says why, ``verdict.checks`` has every check."""

    def __init__(self, verdict: "GateVerdict") -> None:
        reasons = "; ".join(verdict.reasons) or "the gate policy did not pass"
        super().__init__(f"The gate refused {verdict.model} v{verdict.version}: {reasons}", code="GATE_REFUSED", body=verdict.raw)
        self.verdict = verdict


_BY_STATUS = {400: InvalidRequest, 401: Unauthenticated, 403: Forbidden, 404: NotFound, 409: Conflict, 413: PayloadTooLarge}


class GateVerdict(NamedTuple):
    """The gate's answer: ``outcome`` is "deployed", "pending_approval" or "refused"."""

    outcome: str
    model: str
    version: int
    passed: bool
    reasons: List[str]
    checks: List[Dict[str, Json]]
    request: Optional[Dict[str, Json]]
    deployment: Optional[Dict[str, Json]]
    raw: Dict[str, Json]

    @property
    def deployed(self) -> bool:
        return self.outcome == "deployed"

    @property
    def pending(self) -> bool:
        return self.outcome == "pending_approval"

    @property
    def refused(self) -> bool:
        return self.outcome == "refused"


def _iso(value: Optional[When]) -> Optional[str]:
    """A date or datetime as ISO 8601; a naive datetime is taken as UTC."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return value.isoformat()
    return value.isoformat()


def _without_none(values: Mapping[str, Json]) -> Dict[str, Json]:
    return {k: v for k, v in values.items() if v is not None}


class Shelfwatch:
    """A connection to one Shelfwatch. ``url`` and ``token`` default to SHELFWATCH_URL and SHELFWATCH_TOKEN."""

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        *,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 10.0,
    ) -> None:
        import os

        url = url or os.environ.get("SHELFWATCH_URL")
        if not url:
            raise ValueError("Give the Shelfwatch URL (or set SHELFWATCH_URL).")
        self.url = url.rstrip("/")
        self.token = token if token is not None else os.environ.get("SHELFWATCH_TOKEN")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff

    # ───────────────────────────── transport ─────────────────────────────

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Json = None,
        query: Optional[Mapping[str, Json]] = None,
        data: Optional[bytes] = None,
        content_type: str = "application/json",
        idempotency_key: Optional[str] = None,
    ) -> Json:
        """Calls the API and returns the decoded JSON answer (None when empty); raises ShelfwatchError."""
        method = method.upper()
        url = self.url + (path if path.startswith("/") else "/" + path)
        if query:
            pairs = {k: ("true" if v is True else "false" if v is False else str(v)) for k, v in query.items() if v is not None}
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        body = data if data is not None else (None if json is None else _json.dumps(json, separators=(",", ":")).encode("utf-8"))
        headers = {"Accept": "application/json", "User-Agent": f"shelfwatch-client-python/{__version__}"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            headers["Content-Type"] = content_type
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            # One key for every attempt: if an attempt was stored before its answer was lost, the retry
            # gets that answer back instead of writing a second time.
            headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())

        attempt = 0
        while True:
            try:
                req = urllib.request.Request(url, data=body, method=method, headers=headers)
                with urllib.request.urlopen(req, timeout=self.timeout) as response:
                    raw = response.read()
                return _json.loads(raw) if raw.strip() else None
            except urllib.error.HTTPError as e:
                status = e.code
                raw = e.read()
                if (status >= 500 or status == 429) and attempt < self.retries:
                    self._sleep(attempt, e.headers.get("Retry-After"))
                    attempt += 1
                    continue
                raise self._error(status, raw, method, url) from None
            except (urllib.error.URLError, http.client.HTTPException, socket.timeout, ConnectionError, TimeoutError) as e:
                if attempt < self.retries:
                    self._sleep(attempt, None)
                    attempt += 1
                    continue
                reason = getattr(e, "reason", e)
                raise ConnectionFailed(f"Could not reach Shelfwatch after {attempt + 1} attempts: {reason}", method=method, url=url) from None

    def _sleep(self, attempt: int, retry_after: Optional[str]) -> None:
        delay = min(self.max_backoff, self.backoff * (2**attempt))
        if retry_after and retry_after.isdigit():
            delay = min(self.max_backoff, float(retry_after))
        time.sleep(delay * (0.5 + random.random() / 2))

    @staticmethod
    def _error(status: int, raw: bytes, method: str, url: str) -> ShelfwatchError:
        try:
            payload = _json.loads(raw) if raw.strip() else None
        except ValueError:
            payload = None
        err = payload.get("error") if isinstance(payload, dict) and isinstance(payload.get("error"), dict) else {}
        message = str(err.get("message") or raw[:200].decode("utf-8", "replace") or f"HTTP {status}")
        fields = [FieldError(str(f.get("path", "")), str(f.get("message", ""))) for f in err.get("fields") or [] if isinstance(f, dict)]
        cls = _BY_STATUS.get(status, ServerError if status >= 500 else ShelfwatchError)
        return cls(message, status=status, code=str(err.get("code") or ""), fields=fields, method=method, url=url, body=payload)

    @staticmethod
    def _q(segment: Union[str, int]) -> str:
        return urllib.parse.quote(str(segment), safe="")

    def _version_path(self, model: str, version: int) -> str:
        return f"/api/v1/models/{self._q(model)}/versions/{self._q(version)}"

    # ───────────────────────────── registry ─────────────────────────────

    def list_models(self) -> List[Dict[str, Json]]:
        """Every model with its shelf, primary metric, threshold and production version."""
        return self.request("GET", "/api/v1/models")["models"]

    def register_version(
        self,
        model: str,
        *,
        version: Optional[int] = None,
        trained_at: Optional[When] = None,
        data_window: Optional[Sequence[When]] = None,
        pipeline_run_id: Optional[str] = None,
        pipeline_run_url: Optional[str] = None,
        code_revision: Optional[str] = None,
        parent_version: Optional[int] = None,
        hyperparameters: Optional[Mapping[str, Json]] = None,
        artifact_uri: Optional[str] = None,
        tags: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Dict[str, Json]:
        """Registers a version (the next number unless ``version`` is given) and returns it.

        ``data_window`` is (start, end). Registering the same version again with the same fields returns
        it unchanged; with different fields, Conflict.
        """
        body = _without_none(
            {
                "version": version,
                "trainedAt": _iso(trained_at),
                "dataWindow": {"start": _iso(data_window[0]), "end": _iso(data_window[1])} if data_window else None,
                "pipelineRunId": pipeline_run_id,
                "pipelineRunUrl": pipeline_run_url,
                "codeRevision": code_revision,
                "parentVersion": parent_version,
                "hyperparameters": dict(hyperparameters) if hyperparameters is not None else None,
                "artifactUri": artifact_uri,
                "tags": dict(tags) if tags is not None else None,
            }
        )
        return self.request("POST", f"/api/v1/models/{self._q(model)}/versions", json=body, idempotency_key=idempotency_key)["version"]

    def get_version(self, model: str, version: int) -> Dict[str, Json]:
        """One version with its lineage, status (production, candidate, earlier) and production history."""
        return self.request("GET", self._version_path(model, version))

    def iter_versions(self, model: str, *, page_size: int = 100) -> Iterator[Dict[str, Json]]:
        """Every version of a model, newest first, fetched a page at a time."""
        cursor: Optional[str] = None
        while True:
            page = self.request("GET", f"/api/v1/models/{self._q(model)}/versions", query={"limit": page_size, "cursor": cursor})
            yield from page["versions"]
            cursor = page.get("nextCursor")
            if not cursor:
                return

    def post_evaluations(
        self,
        model: str,
        version: int,
        scores: Union[Mapping[str, float], Sequence[Mapping[str, Json]]],
        *,
        dataset: str = "",
        idempotency_key: Optional[str] = None,
    ) -> Dict[str, Json]:
        """Posts scores of a version: ``{"ndcg@10": 0.35}`` (all on ``dataset``) or a list of
        ``{"metric", "value", "dataset"}``. Stored all or none."""
        if isinstance(scores, Mapping):
            rows = [{"metric": m, "value": float(v), "dataset": dataset} for m, v in scores.items()]
        else:
            rows = [dict(r) for r in scores]
        return self.request("POST", self._version_path(model, version) + "/evaluations", json={"evaluations": rows}, idempotency_key=idempotency_key)

    def list_evaluations(self, model: str, version: int, *, metric: Optional[str] = None, dataset: Optional[str] = None) -> List[Dict[str, Json]]:
        """The scores of a version, optionally of one metric or dataset."""
        return self.request("GET", self._version_path(model, version) + "/evaluations", query={"metric": metric, "dataset": dataset})["evaluations"]

    def post_online_metrics(self, model: str, rows: Sequence[Mapping[str, Json]], *, idempotency_key: Optional[str] = None) -> Dict[str, Json]:
        """Daily values: rows of ``{"day": "2026-11-28", "version": 52, "values": {"impressions": 1.8e6}}``."""
        return self.request("POST", f"/api/v1/models/{self._q(model)}/online-metrics", json={"rows": [dict(r) for r in rows]}, idempotency_key=idempotency_key)

    # ───────────────────────────── validation ─────────────────────────────

    @staticmethod
    def _target(kind: str, version: Optional[int], day: Optional[When], dataset: Optional[str], mode: str) -> Dict[str, Json]:
        if kind not in ("training", "serving", "evaluation"):
            raise ValueError('kind is "training", "serving" or "evaluation"')
        return _without_none({"kind": kind, "version": version, "day": (_iso(day) or "")[:10] or None, "dataset": dataset, "mode": mode})

    def post_statistics(
        self,
        model: str,
        statistics: Mapping[str, Json],
        *,
        kind: str,
        version: Optional[int] = None,
        day: Optional[When] = None,
        dataset: Optional[str] = None,
        mode: str = "replace",
        idempotency_key: Optional[str] = None,
    ) -> Dict[str, Json]:
        """Posts the statistics of one dataset: TFDV's DatasetFeatureStatisticsList as JSON (for example
        ``json.loads(json_format.MessageToJson(stats))``) or a Shelfwatch profile.

        ``kind="training", version=N`` for a version's training set; ``kind="serving", day=date`` for a
        day of serving logs; ``kind="evaluation", version=N, dataset="holdout"``. ``mode="merge"`` adds
        to what is stored (shards of a day). Returns the dataset and every report computed from it.
        """
        query = self._target(kind, version, day, dataset, mode)
        return self.request("POST", f"/api/v1/models/{self._q(model)}/statistics", json=dict(statistics), query=query, idempotency_key=idempotency_key)

    def post_feature_rows(
        self,
        model: str,
        rows: Iterable[Mapping[str, Json]],
        *,
        kind: str,
        version: Optional[int] = None,
        day: Optional[When] = None,
        dataset: Optional[str] = None,
        mode: str = "replace",
        idempotency_key: Optional[str] = None,
    ) -> Dict[str, Json]:
        """Posts raw feature rows (dicts of feature values) as NDJSON; the server profiles them. The
        body is built in memory: for large datasets, compute TFDV statistics where the data lives and
        post those with post_statistics, or post shards with ``mode="merge"``."""
        body = b"".join(_json.dumps(dict(r), separators=(",", ":")).encode("utf-8") + b"\n" for r in rows)
        query = self._target(kind, version, day, dataset, mode)
        return self.request("POST", f"/api/v1/models/{self._q(model)}/feature-rows", data=body, content_type="application/x-ndjson", query=query, idempotency_key=idempotency_key)

    def list_reports(self, model: str, *, kind: Optional[str] = None, start: Optional[When] = None, end: Optional[When] = None, limit: int = 100) -> List[Dict[str, Json]]:
        """Skew, drift and training-drift reports of a model, newest first."""
        query = {"kind": kind, "from": (_iso(start) or "")[:10] or None, "to": (_iso(end) or "")[:10] or None, "limit": limit}
        return self.request("GET", f"/api/v1/models/{self._q(model)}/reports", query=query)["reports"]

    def get_report(self, model: str, report: int) -> Dict[str, Json]:
        """One report with every feature's distance, threshold and comparator, and its schema anomalies."""
        return self.request("GET", f"/api/v1/models/{self._q(model)}/reports/{self._q(report)}")

    # ───────────────────────────── samples ─────────────────────────────

    def post_samples(
        self,
        model: str,
        version: int,
        samples: Sequence[Mapping[str, Json]],
        *,
        catalog: Sequence[Mapping[str, Json]] = (),
        sampled_at: Optional[When] = None,
        idempotency_key: Optional[str] = None,
    ) -> Dict[str, Json]:
        """Posts the ranked lists a version produced for the listener panel.

        Each sample is ``{"listener": "id" or {"id", "isNew", "country", "topGenres", "recentListens"},
        "items": [{"uri", "rank", "score", "reason"}]}``; ``catalog`` items (``uri``, ``type``, ``title``,
        ``creator``, ``imageUrl``, ``genres``) are upserted first.
        """
        body = _without_none({"sampledAt": _iso(sampled_at), "catalog": [dict(c) for c in catalog], "samples": [dict(s) for s in samples]})
        return self.request("POST", self._version_path(model, version) + "/samples", json=body, idempotency_key=idempotency_key)

    def get_listener_samples(self, model: str, version: int, listener: str) -> Dict[str, Json]:
        """The ranked list a version produced for one listener, with the items' catalogue fields."""
        return self.request("GET", self._version_path(model, version) + f"/samples/{self._q(listener)}")

    def upsert_catalog(self, items: Sequence[Mapping[str, Json]], *, idempotency_key: Optional[str] = None) -> Dict[str, Json]:
        """Upserts catalogue items by URI."""
        return self.request("POST", "/api/v1/catalog/items", json={"items": [dict(i) for i in items]}, idempotency_key=idempotency_key)

    # ───────────────────────────── gate ─────────────────────────────

    def promote(self, model: str, version: int, *, reason: str = "", raise_on_refused: bool = True, idempotency_key: Optional[str] = None) -> GateVerdict:
        """Asks the gate to push a version. Returns the verdict (deployed, or pending a lead's approval);
        raises GateRefused when refused, unless ``raise_on_refused`` is False."""
        raw = self.request("POST", self._version_path(model, version) + "/promote", json={"reason": reason}, idempotency_key=idempotency_key)
        verdict = GateVerdict(
            outcome=raw["outcome"],
            model=raw["model"],
            version=raw["version"],
            passed=raw["passed"],
            reasons=list(raw.get("reasons") or []),
            checks=list(raw.get("checks") or []),
            request=raw.get("request"),
            deployment=raw.get("deployment"),
            raw=raw,
        )
        if verdict.refused and raise_on_refused:
            raise GateRefused(verdict)
        return verdict

    def production_at(self, model: str, at: Optional[When] = None) -> Dict[str, Json]:
        """What was in production at a moment (a day means its end, UTC; default: now)."""
        return self.request("GET", f"/api/v1/models/{self._q(model)}/production", query={"at": _iso(at)})

    # ───────────────────────────── operations ─────────────────────────────

    def health(self) -> Dict[str, Json]:
        """The health of the server: database and job queue."""
        return self.request("GET", "/api/v1/health")

    def list_alerts(self, *, status: str = "active", kind: Optional[str] = None, shelf: Optional[str] = None, page: int = 1) -> Dict[str, Json]:
        """Alerts (``status`` active, open, acknowledged, resolved or all), newest sighting first."""
        return self.request("GET", "/api/v1/alerts", query={"status": status, "kind": kind, "shelf": shelf, "page": page})


def verify_webhook_signature(secret: str, header: str, body: Union[bytes, str], *, tolerance: int = 300, now: Optional[float] = None) -> bool:
    """Checks the ``X-Shelfwatch-Signature`` header (``t=<unix time>,v1=<hex>``) of a webhook request:
    HMAC-SHA256 of ``<t>.<raw body>`` with the webhook's secret, no older than ``tolerance`` seconds."""
    try:
        parts = dict(p.strip().split("=", 1) for p in header.split(","))
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    raw = body.encode("utf-8") if isinstance(body, str) else body
    expected = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + raw, hashlib.sha256).hexdigest()
    fresh = abs((time.time() if now is None else now) - timestamp) <= tolerance
    return fresh and hmac.compare_digest(expected, given)
