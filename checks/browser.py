"""The one entry point the browser's worker calls: JSON in, JSON out.

Errors the user can cause (an answer the check does not offer, an unknown
check) come back as data with a Dutch message, never as a Python traceback.
"""

from __future__ import annotations

import datetime
import json

from . import get
from .render import view


def handle(request_json: str) -> str:
    """``{"check": str, "answers": [str], "date": "YYYY-MM-DD"}`` -> ``{"ok": true, "view": {...}}``
    or ``{"ok": false, "message": str}``."""
    try:
        request = json.loads(request_json)
        if not isinstance(request, dict):
            raise ValueError("Het verzoek aan de check is onleesbaar.")
        today = datetime.date.fromisoformat(str(request.get("date", "")))
        check = get(str(request.get("check", "")))
        return json.dumps({"ok": True, "view": view(check, request.get("answers"), today)})
    except ValueError as error:  # json.JSONDecodeError is a ValueError too
        return json.dumps({"ok": False, "message": str(error)})
