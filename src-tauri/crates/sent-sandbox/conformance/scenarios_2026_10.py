"""Conformance scenarios of the sandbox's `2026-10` revision (contract §19.3), run with the
official Python SDK that documents it (sentdm 0.46.0, pinned in requirements-2026-10.txt) against a
sent-sandbox started with `--api-revision 2026-10`.

Every answer is read twice: through the SDK's own (lenient) parsing, and validated strictly with
pydantic against the SDK's response model (`Model.model_validate(json)`), so a key of the wrong type
or a missing required key fails the scenario.

Usage: SANDBOX_URL=http://127.0.0.1:PORT SANDBOX_ORG_KEY=... .venv46/bin/python scenarios_2026_10.py
Prints one "ok - NAME" / "not ok - NAME: why" line per scenario, then "py46: N passed, M failed".
"""

import json
import os
import sys
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


def strict(raw):
    """The SDK's parsed answer of a `with_raw_response` call, after a strict pydantic validation of
    the JSON body against the same model."""
    parsed = raw.parse()
    model = type(parsed)
    body = raw.http_response.json()
    if hasattr(model, "model_validate") and not isinstance(parsed, list):
        model.model_validate(body)
    return parsed


def expect_error(fn, status, code):
    try:
        fn()
    except APIStatusError as e:
        check(e.status_code == status, f"expected HTTP {status}, got {e.status_code}")
        err = (e.body or {}).get("error") if isinstance(e.body, dict) else None
        err = err or (e.body if isinstance(e.body, dict) else {})
        check(err.get("code") == code, f"expected {code}, got {err}")
        return e, err
    raise AssertionError(f"expected {status} {code}, request succeeded")


def profiles():
    return strict(client.profiles.with_raw_response.list()).data.profiles


def by_name(name):
    return next(p for p in profiles() if p.name == name)


FLAGS = ("allow_contact_sharing", "allow_template_sharing", "inherit_contacts", "inherit_templates")


def s_me():
    r = strict(client.me.with_raw_response.retrieve())
    check(r.data.enable_template_auto_creation_for_sp is False, "enable_template_auto_creation_for_sp")
    check(r.data.sending_phone_number == r.data.channels.sms.phone_number, "sending_phone_number")
    for p in r.data.profiles:
        for k in FLAGS:
            check(getattr(p.settings, k) is False, f"{p.name}: {k}")


def s_profile_list_pages():
    r = strict(client.profiles.with_raw_response.list())
    check(r.data.pagination is not None and r.data.pagination.has_more is False, "one page by default")
    control("PUT", "/fixtures", {"profile_list_page_size": 2})
    try:
        r = strict(client.profiles.with_raw_response.list())
        check(len(r.data.profiles) == 2 and r.data.pagination.has_more, "first of several pages")
    finally:
        control("PUT", "/fixtures", {"profile_list_page_size": None})
    for p in profiles():
        strict(client.profiles.with_raw_response.retrieve(p.id))


def s_create_flags_whatsapp():
    r = strict(client.profiles.with_raw_response.create(
        name="PY46 Flags", short_name="PY46", description="2026-10", billing_model="organization",
        allow_contact_sharing=True, allow_template_sharing=None, inherit_contacts=True, inherit_templates=None))
    d = r.data
    for k in FLAGS:
        check(getattr(d, k) is False, f"{k} reported false")
    check(d.waba_id is None, "no WhatsApp inheritance")
    check(d.inherit_tcr_brand is False and d.inherit_tcr_campaign is False, "TCR inherit defaults false")
    u = strict(client.profiles.with_raw_response.update(
        d.id, sending_phone_number_profile_id=by_name("Bella Salon").id, inherit_contacts=True))
    check(u.data.sending_phone_number_profile_id is None, "sender borrowing ignored")
    check(u.data.inherit_contacts is False, "flag ignored on PATCH")


def s_brand_and_campaign_volume():
    r = strict(client.profiles.with_raw_response.create(
        name="PY46 Brand", short_name="PY46", description="2026-10", billing_model="organization",
        inherit_tcr_brand=False, inherit_tcr_campaign=False,
        brand={"contact": {"name": "Dana Ortiz"},
               "business": {"legalName": "PY46 Ltd", "entityType": "PRIVATE_PROFIT", "country": "US"},
               "compliance": {"vertical": "HEALTHCARE", "brandRelationship": "SMALL_ACCOUNT", "isTcrApplication": True,
                              "destinationCountries": [{"id": "US", "isMain": True}]}}))
    pid = r.data.id
    check(r.data.brand.compliance.primary_use_case is None, "primary_use_case null")
    c = strict(client.profiles.campaigns.with_raw_response.create(
        pid, campaign={"name": "Reminders", "description": "Appointment reminders", "type": "App", "volume": "1500",
                       "useCases": [{"messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["See you at 3"]}]}))
    check(c.data.volume == "1500", f"volume echoed: {c.data.volume}")
    strict(client.profiles.campaigns.with_raw_response.list(pid))
    # Completion: everything at once, then approved without review.
    control("PUT", f"/profiles/{pid}/fixtures", {"kyc_submitted": False})
    e, err = expect_error(lambda: no_retry.profiles.complete(pid, web_hook_url="http://127.0.0.1:9/cb"), 400, "VALIDATION_001")
    check("kyc" in (err.get("details") or {}), f"kyc reported: {err}")
    control("PUT", f"/profiles/{pid}/fixtures", {"kyc_submitted": None})
    strict(client.profiles.with_raw_response.complete(pid, web_hook_url="http://127.0.0.1:9/cb"))
    control("POST", "/clock/advance", {"seconds": 5})
    check(strict(client.profiles.with_raw_response.retrieve(pid)).data.status == "approved", "approved directly")


def s_delete_conflicts():
    pid = by_name("Joe's Pizza Uptown").id
    for code in ("CONFLICT_012", "CONFLICT_013"):
        control("PUT", f"/profiles/{pid}/fixtures", {"delete_conflict": code})
        expect_error(lambda: no_retry.profiles.delete(pid), 409, code)
    control("PUT", f"/profiles/{pid}/fixtures", {"delete_conflict": None})
    client.profiles.delete(pid)


def s_lists_without_paging_params():
    tenant = by_name("Tenant Co").id
    templates = list(client.templates.list())
    check(len(templates) > 0 and all(t.customer_id for t in templates), "templates with customer_id")
    strict(client.templates.with_raw_response.list())
    own = list(client.templates.list(x_profile_id=tenant))
    check([t.name for t in own] == ["tenant_welcome"], f"own templates only: {[t.name for t in own]}")
    contacts = list(client.contacts.list())
    check(all(c.is_inherited is False and c.customer_id for c in contacts), "contacts with owner, never inherited")
    strict(client.contacts.with_raw_response.list())
    strict(client.webhooks.with_raw_response.list())
    strict(client.webhooks.with_raw_response.list_event_types())
    w = strict(client.webhooks.with_raw_response.create(
        display_name="py46", endpoint_url="http://127.0.0.1:9/hook", event_types=["message"],
        extra_body={"sender_profile": {"event_types": ["message"]}}))
    check(w.data.customer_id, "webhook customer_id")


def s_send_blocked_filtered():
    r = strict(client.messages.with_raw_response.send(to=["+14155550123"], template={"name": "sms_survey"}, channel=["sms"]))
    mid = r.data.recipients[0].message_id
    f = strict(client.messages.with_raw_response.send(to=["+15005550002"], text="hi"))
    fid = f.data.recipients[0].message_id
    control("POST", "/clock/advance", {"seconds": 10})
    m = strict(client.messages.with_raw_response.retrieve_status(mid))
    check(m.data.status == "BLOCKED" and m.data.reason_code == "BUSINESS_005", f"blocked: {m.data.status} {m.data.reason_code}")
    a = strict(client.messages.with_raw_response.retrieve_activities(mid))
    check(a.data.activities[0].reason_code == "BUSINESS_005", "activity reason")
    m = strict(client.messages.with_raw_response.retrieve_status(fid))
    check(m.data.status == "FILTERED", f"filtered: {m.data.status}")
    strict(client.numbers.with_raw_response.lookup("+14155550123"))


SCENARIOS = [
    ("2026-10 me", s_me),
    ("2026-10 profile list pages", s_profile_list_pages),
    ("2026-10 create: flags, WhatsApp, TCR defaults, borrowing", s_create_flags_whatsapp),
    ("2026-10 brand, campaign volume, completion", s_brand_and_campaign_volume),
    ("2026-10 delete conflicts", s_delete_conflicts),
    ("2026-10 lists without paging parameters", s_lists_without_paging_params),
    ("2026-10 send: BLOCKED and FILTERED", s_send_blocked_filtered),
]

control("PUT", "/api-revision", {"api_revision": "2026-10"})
control("POST", "/reset", {"seed": "demo"})
passed = failed = 0
for name, fn in SCENARIOS:
    try:
        fn()
        passed += 1
        print(f"ok - py46: {name}")
    except Exception as e:  # noqa: BLE001 - every failure is reported, none stops the run
        failed += 1
        print(f"not ok - py46: {name}: {type(e).__name__}: {e}")
print(f"py46: {passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
