// Conformance scenarios run with the official TypeScript SDK (@sentdm/sentdm, pinned in
// package.json) against a running sent-sandbox. Usage:
//   SANDBOX_URL=http://127.0.0.1:PORT SANDBOX_ORG_KEY=... node scenarios.mjs
// Prints one "ok - NAME" / "not ok - NAME: why" line per scenario, then "ts: N passed, M failed".
import Sent, { APIError } from '@sentdm/sentdm';

const base = process.env.SANDBOX_URL;
const orgKey = process.env.SANDBOX_ORG_KEY;
if (!base || !orgKey) {
  console.error('SANDBOX_URL and SANDBOX_ORG_KEY are required');
  process.exit(2);
}
const client = new Sent({ apiKey: orgKey, baseURL: base });
const noRetry = new Sent({ apiKey: orgKey, baseURL: base, maxRetries: 0 });

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}
async function control(method, path, body) {
  const r = await fetch(base + '/_sandbox' + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const j = await r.json();
  check(r.ok, `control ${path}: ${r.status}`);
  return j.data;
}
async function expectError(promise, status, code) {
  try {
    await promise;
  } catch (e) {
    check(e instanceof APIError, `expected APIError, got ${e}`);
    check(e.status === status, `expected HTTP ${status}, got ${e.status}`);
    check(e.error?.error?.code === code, `expected ${code}, got ${JSON.stringify(e.error?.error)}`);
    return e;
  }
  throw new Error(`expected ${status} ${code}, request succeeded`);
}
const profileKeys = async () => (await control('GET', '/keys')).keys.filter((k) => k.kind === 'profile');
const byName = async (name) => (await client.profiles.list()).data.profiles.find((p) => p.name === name);
const newProfile = (name, extra = {}) => ({
  name,
  short_name: 'Conf TS',
  description: 'Created by the TypeScript conformance suite',
  billing_model: 'organization',
  inherit_tcr_brand: true,
  inherit_tcr_campaign: true,
  ...extra,
});

const scenarios = {
  async me() {
    const r = await client.me.retrieve();
    check(r.success === true, 'success flag');
    check(r.data.type === 'organization' && r.data.name === 'Acme Agency', `me: ${JSON.stringify(r.data).slice(0, 120)}`);
    check(Array.isArray(r.data.profiles) && r.data.profiles.length === 5, 'five profiles in /me');
    check(/^req_[A-Za-z0-9]{10}$/.test(r.meta.request_id), 'request id shape');
  },
  async 'list and get profile'() {
    const list = await client.profiles.list();
    check(list.data.profiles.length === 5, `expected 5 profiles, got ${list.data.profiles.length}`);
    const first = list.data.profiles[0];
    const one = await client.profiles.retrieve(first.id);
    check(one.data.id === first.id && one.data.name === first.name, 'get returns the listed profile');
    check('brand' in one.data && 'waba_id' in one.data, 'every key present');
  },
  async 'create, update and delete profile'() {
    const created = await client.profiles.create(newProfile('TS Conformance Co'));
    check(created.data.status === 'incomplete', `status ${created.data.status}`);
    check(created.data.email === 'team@acme-agency.example', 'email inherited from the organization');
    const id = created.data.id;
    const upd = await client.profiles.update(id, { short_name: 'TS Conf 2', icon: null });
    check(upd.data.short_name === 'TS Conf 2', 'short_name updated');
    check(upd.data.name === 'TS Conformance Co', 'absent keys leave values unchanged');
    await client.profiles.delete(id, {});
    await expectError(client.profiles.retrieve(id), 404, 'RESOURCE_014');
  },
  async 'validation errors'() {
    const e = await expectError(
      client.profiles.create({ short_name: 'x!', billing_model: 'organization', payment_details: { card_number: '4242424242424242', expiry: '13/99', cvc: '123', zip_code: '94607' } }),
      400,
      'VALIDATION_001',
    );
    const keys = Object.keys(e.error.error.details ?? {}).sort();
    for (const k of ['name', 'short_name', 'payment_details.expiry']) check(keys.includes(k), `details lacks ${k}: ${keys}`);
    check(e.error.error.details.name[0] === 'Profile name is required', 'V1 message');
  },
  async 'idempotent replay'() {
    const key = `ts-create-${Date.now()}`;
    const first = await client.profiles.create({ ...newProfile('TS Idem Co'), 'Idempotency-Key': key }).withResponse();
    const again = await client.profiles.create({ ...newProfile('TS Idem Other Body'), 'Idempotency-Key': key }).withResponse();
    check(again.data.data.id === first.data.data.id, 'same id on replay');
    check(again.response.headers.get('idempotent-replayed') === 'true', 'Idempotent-Replayed header');
    check(again.response.headers.get('x-original-request-id') === first.data.meta.request_id, 'X-Original-Request-Id');
    check(again.data.data.name === 'TS Idem Co', 'first body wins');
  },
  async 'sandbox dry run leaves state unchanged'() {
    const before = (await client.profiles.list()).data.profiles.length;
    const dry = await client.profiles.create({ ...newProfile('TS Dry Run'), sandbox: true }).withResponse();
    check(dry.response.headers.get('x-sandbox') === 'true', 'X-Sandbox header');
    check(typeof dry.data.data.id === 'string', 'realistic data');
    const after = (await client.profiles.list()).data.profiles.length;
    check(before === after, `profile count changed ${before} -> ${after}`);
    await expectError(client.profiles.retrieve(dry.data.data.id), 404, 'RESOURCE_014');
  },
  async 'x-profile-id misuse'() {
    const keys = await profileKeys();
    const own = keys[0];
    const profileClient = new Sent({ apiKey: own.key, baseURL: base });
    await expectError(profileClient.me.retrieve({ 'x-profile-id': own.profile_id }), 403, 'AUTH_004');
    await expectError(client.me.retrieve({ 'x-profile-id': '00000000-0000-4000-8000-000000000000' }), 404, 'RESOURCE_014');
    await expectError(client.me.retrieve({ 'x-profile-id': 'not-a-uuid' }), 400, 'VALIDATION_003');
    const scoped = await client.me.retrieve({ 'x-profile-id': own.profile_id });
    check(scoped.data.type === 'profile' && scoped.data.id === own.profile_id, 'org key acts as the profile');
  },
  async campaigns() {
    const bella = await byName('Bella Salon');
    const inherited = await client.profiles.campaigns.list(bella.id);
    check(Array.isArray(inherited.data) && inherited.data.length >= 1, 'inherited campaigns listed');
    check(inherited.data[0].submittedToTCR === true, 'org campaign submitted');
    const campaign = {
      name: 'TS campaign', description: 'Conformance', type: 'App',
      useCases: [{ messagingUseCaseUs: 'ACCOUNT_NOTIFICATION', sampleMessages: ['Your order has shipped.'] }],
    };
    const e = await expectError(client.profiles.campaigns.create(bella.id, { campaign }), 400, 'VALIDATION_001');
    check('campaign' in (e.error.error.details ?? {}), 'V22 keyed by campaign');
    const tenant = await byName('Tenant Co');
    const created = await client.profiles.campaigns.create(tenant.id, { campaign });
    check(created.data.submittedToTCR === false && created.data.name === 'TS campaign', 'campaign created');
    const upd = await client.profiles.campaigns.update(created.data.id, { profileId: tenant.id, campaign: { ...campaign, name: 'TS campaign v2' } });
    check(upd.data.name === 'TS campaign v2', 'campaign replaced');
    await client.profiles.campaigns.delete(created.data.id, { profileId: tenant.id });
  },
  async 'template list'() {
    const r = await client.templates.list({ page: 1, page_size: 10 });
    check(r.data.pagination.page === 1 && r.data.pagination.total_count >= 4, 'pagination meta');
    const names = r.data.templates.map((t) => t.name);
    check(names.includes('visit_reminder'), `templates: ${names}`);
    const approved = await client.templates.list({ page: 1, page_size: 10, status: 'APPROVED' });
    check(approved.data.templates.every((t) => t.status === 'APPROVED'), 'status filter');
    const one = await client.templates.retrieve(r.data.templates[0].id);
    check(one.data.id === r.data.templates[0].id, 'template get');
  },
  async 'send and status progression'() {
    const sent = await client.messages.send({
      to: ['+14155550199'], channel: ['sms'],
      template: { name: 'visit_reminder', parameters: { first_name: 'Ana', time: '9:00' } },
    });
    check(sent.data.status === 'QUEUED', 'queued');
    const id = sent.data.recipients[0].message_id;
    const s0 = await client.messages.retrieveStatus(id);
    check(s0.data.status === 'QUEUED', `initial ${s0.data.status}`);
    await control('POST', '/clock/advance', { seconds: 30 });
    const s1 = await client.messages.retrieveStatus(id);
    check(s1.data.status === 'DELIVERED', `after advance ${s1.data.status}`);
    const acts = await client.messages.retrieveActivities(id);
    check(acts.data.activities[0].status === 'DELIVERED' && acts.data.activities.at(-1).status === 'QUEUED', 'activities newest first');
  },
  async 'rate limit 429'() {
    await control('PUT', '/rate-limits', { standard_per_window: 2, window_secs: 60 });
    try {
      await noRetry.me.retrieve();
      await noRetry.me.retrieve();
      const e = await expectError(noRetry.me.retrieve(), 429, 'BUSINESS_002');
      check(Number(e.headers.get('retry-after')) > 0, 'Retry-After header');
    } finally {
      await control('PUT', '/rate-limits', { enabled: false });
    }
  },
};

await control('POST', '/reset', { seed: 'demo' });
let passed = 0;
let failed = 0;
for (const [name, fn] of Object.entries(scenarios)) {
  try {
    await fn();
    passed++;
    console.log(`ok - ts: ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ts: ${name}: ${e?.message ?? e}`);
  }
}
console.log(`ts: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
