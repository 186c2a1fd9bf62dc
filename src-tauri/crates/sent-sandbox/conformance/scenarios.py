"""Conformance scenarios run with the official Python SDK (sentdm, pinned in requirements.txt)
against a running sent-sandbox.

Usage: SANDBOX_URL=http://127.0.0.1:PORT SANDBOX_ORG_KEY=... .venv/bin/python scenarios.py
Prints one "ok - NAME" / "not ok - NAME: why" line per scenario, then "py: N passed, M failed".
"""

import json
import os
import re
import sys
import time
import urllib.request

from sent_dm import APIStatusError, Sent

BASE = os.environ.get("SANDBOX_URL")
ORG_KEY = os.environ.get("SANDBOX_ORG_KEY")
if not BASE or not ORG_KEY:
    print("SANDBOX_URL and SANDBOX_ORG_KEY are required", file=sys.stderr)
    sys.exit(2)

client = Sent(api_key=ORG_KEY, base_url=BASE)
no_retry = Sent(api_key=ORG_KEY, base_url=BASE, max_retries=0)


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def control(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + "/_sandbox" + path, data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())["data"]


def expect_error(fn, status, code):
    try:
        fn()
    except APIStatusError as e:
        check(e.status_code == status, f"expected HTTP {status}, got {e.status_code}")
        err = (e.body or {}).get("error") if isinstance(e.body, dict) else None
        # Stainless Python hands over the parsed body; some versions strip the envelope.
        err = err or (e.body if isinstance(e.body, dict) else {})
        check(err.get("code") == code, f"expected {code}, got {err}")
        return e, err
    raise AssertionError(f"expected {status} {code}, request succeeded")


def by_name(name):
    return next(p for p in client.profiles.list().data.profiles if p.name == name)


def new_profile(name, **extra):
    body = dict(
        name=name,
        short_name="Conf PY",
        description="Created by the Python conformance suite",
        billing_model="organization",
        inherit_tcr_brand=True,
        inherit_tcr_campaign=True,
    )
    body.update(extra)
    return body


def s_me():
    r = client.me.retrieve()
    check(r.success is True, "success flag")
    check(r.data.type == "organization" and r.data.name == "Acme Agency", f"me: {r.data.name}")
    check(len(r.data.profiles) == 5, "five profiles in /me")
    check(re.fullmatch(r"req_[A-Za-z0-9]{10}", r.meta.request_id), "request id shape")


def s_list_get():
    profiles = client.profiles.list().data.profiles
    check(len(profiles) == 5, f"expected 5 profiles, got {len(profiles)}")
    one = client.profiles.retrieve(profiles[0].id)
    check(one.data.id == profiles[0].id and one.data.name == profiles[0].name, "get returns the listed profile")


def s_create_update_delete():
    created = client.profiles.create(**new_profile("PY Conformance Co"))
    check(created.data.status == "incomplete", f"status {created.data.status}")
    pid = created.data.id
    upd = client.profiles.update(pid, short_name="PY Conf 2")
    check(upd.data.short_name == "PY Conf 2", "short_name updated")
    check(upd.data.name == "PY Conformance Co", "absent keys leave values unchanged")
    client.profiles.delete(pid)
    expect_error(lambda: client.profiles.retrieve(pid), 404, "RESOURCE_014")


def s_validation():
    _, err = expect_error(
        lambda: client.profiles.create(
            short_name="x!",
            billing_model="organization",
            payment_details={"card_number": "4242424242424242", "expiry": "13/99", "cvc": "123", "zip_code": "94607"},
        ),
        400,
        "VALIDATION_001",
    )
    keys = sorted((err.get("details") or {}).keys())
    for k in ["name", "short_name", "payment_details.expiry"]:
        check(k in keys, f"details lacks {k}: {keys}")


def s_idempotent_replay():
    key = f"py-create-{int(time.time() * 1000)}"
    first = client.profiles.with_raw_response.create(**new_profile("PY Idem Co"), idempotency_key=key)
    again = client.profiles.with_raw_response.create(**new_profile("PY Idem Other Body"), idempotency_key=key)
    f, a = first.parse(), again.parse()
    check(a.data.id == f.data.id, "same id on replay")
    check(again.headers.get("idempotent-replayed") == "true", "Idempotent-Replayed header")
    check(again.headers.get("x-original-request-id") == f.meta.request_id, "X-Original-Request-Id")
    check(a.data.name == "PY Idem Co", "first body wins")


def s_sandbox():
    before = len(client.profiles.list().data.profiles)
    raw = client.profiles.with_raw_response.create(**new_profile("PY Dry Run"), sandbox=True)
    check(raw.headers.get("x-sandbox") == "true", "X-Sandbox header")
    dry = raw.parse()
    after = len(client.profiles.list().data.profiles)
    check(before == after, f"profile count changed {before} -> {after}")
    expect_error(lambda: client.profiles.retrieve(dry.data.id), 404, "RESOURCE_014")


def s_x_profile_id():
    keys = [k for k in control("GET", "/keys")["keys"] if k["kind"] == "profile"]
    own = keys[0]
    pc = Sent(api_key=own["key"], base_url=BASE)
    expect_error(lambda: pc.me.retrieve(x_profile_id=own["profile_id"]), 403, "AUTH_004")
    expect_error(lambda: client.me.retrieve(x_profile_id="00000000-0000-4000-8000-000000000000"), 404, "RESOURCE_014")
    expect_error(lambda: client.me.retrieve(x_profile_id="not-a-uuid"), 400, "VALIDATION_003")
    scoped = client.me.retrieve(x_profile_id=own["profile_id"])
    check(scoped.data.type == "profile" and scoped.data.id == own["profile_id"], "org key acts as the profile")


def s_campaigns():
    bella = by_name("Bella Salon")
    inherited = client.profiles.campaigns.list(bella.id)
    check(len(inherited.data) >= 1 and inherited.data[0].submitted_to_tcr is True, "inherited campaigns")
    campaign = {
        "name": "PY campaign", "description": "Conformance", "type": "App",
        "use_cases": [{"messaging_use_case_us": "ACCOUNT_NOTIFICATION", "sample_messages": ["Your order has shipped."]}],
    }
    _, err = expect_error(lambda: client.profiles.campaigns.create(bella.id, campaign=campaign), 400, "VALIDATION_001")
    check("campaign" in (err.get("details") or {}), "V22 keyed by campaign")
    tenant = by_name("Tenant Co")
    created = client.profiles.campaigns.create(tenant.id, campaign=campaign)
    check(created.data.name == "PY campaign" and created.data.submitted_to_tcr is False, "campaign created")
    upd = client.profiles.campaigns.update(created.data.id, profile_id=tenant.id, campaign={**campaign, "name": "PY campaign v2"})
    check(upd.data.name == "PY campaign v2", "campaign replaced")
    client.profiles.campaigns.delete(created.data.id, profile_id=tenant.id)


def s_templates():
    r = client.templates.list(page=1, page_size=10)
    check(r.data.pagination.page == 1 and r.data.pagination.total_count >= 4, "pagination meta")
    names = [t.name for t in r.data.templates]
    check("visit_reminder" in names, f"templates: {names}")
    one = client.templates.retrieve(r.data.templates[0].id)
    check(one.data.id == r.data.templates[0].id, "template get")


def s_send():
    sent = client.messages.send(
        to=["+14155550199"], channel=["whatsapp"],
        template={"name": "visit_reminder", "parameters": {"first_name": "Ana", "time": "9:00"}},
    )
    check(sent.data.status == "QUEUED", "queued")
    mid = sent.data.recipients[0].message_id
    check(client.messages.retrieve_status(mid).data.status == "QUEUED", "initial QUEUED")
    control("POST", "/clock/advance", {"seconds": 30})
    check(client.messages.retrieve_status(mid).data.status == "READ", "WhatsApp ends READ")
    acts = client.messages.retrieve_activities(mid).data.activities
    check(acts[0].status == "READ" and acts[-1].status == "QUEUED", "activities newest first")


def s_rate_limit():
    control("PUT", "/rate-limits", {"standard_per_window": 2, "window_secs": 60})
    try:
        no_retry.me.retrieve()
        no_retry.me.retrieve()
        e, _ = expect_error(lambda: no_retry.me.retrieve(), 429, "BUSINESS_002")
        check(int(e.response.headers.get("retry-after", "0")) > 0, "Retry-After header")
    finally:
        control("PUT", "/rate-limits", {"enabled": False})


SCENARIOS = [
    ("me", s_me),
    ("list and get profile", s_list_get),
    ("create, update and delete profile", s_create_update_delete),
    ("validation errors", s_validation),
    ("idempotent replay", s_idempotent_replay),
    ("sandbox dry run leaves state unchanged", s_sandbox),
    ("x-profile-id misuse", s_x_profile_id),
    ("campaigns", s_campaigns),
    ("template list", s_templates),
    ("send and status progression", s_send),
    ("rate limit 429", s_rate_limit),
]

control("POST", "/reset", {"seed": "demo"})
passed = failed = 0
for name, fn in SCENARIOS:
    try:
        fn()
        passed += 1
        print(f"ok - py: {name}")
    except Exception as e:  # noqa: BLE001 - every failure is reported, none stops the run
        failed += 1
        print(f"not ok - py: {name}: {type(e).__name__}: {e}")
print(f"py: {passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
