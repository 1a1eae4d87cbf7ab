import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig, parseStore, withoutPassword } from '../../../src/core/config/config.js';
import { UserError } from '../../../src/core/errors.js';

test('the store is local by default, or a PostgreSQL server named by KABAR_STORE or --store, reads optionally from KABAR_STORE_READ', () => {
  assert.deepEqual(loadConfig({}, {}, '/tmp').store, { kind: 'local' });
  assert.deepEqual(loadConfig({ KABAR_STORE: 'local' }, {}, '/tmp').store, { kind: 'local' });
  assert.deepEqual(loadConfig({ KABAR_STORE: 'postgres://a@h/db' }, {}, '/tmp').store, {
    kind: 'postgres',
    url: 'postgres://a@h/db',
  });
  assert.deepEqual(loadConfig({ KABAR_STORE: 'postgres://a@h/db' }, { store: 'local' }, '/tmp').store, {
    kind: 'local',
  });
  assert.deepEqual(parseStore('postgresql://a:b@primary:5432/news', 'postgres://a:b@replica/news'), {
    kind: 'postgres',
    url: 'postgresql://a:b@primary:5432/news',
    readUrl: 'postgres://a:b@replica/news',
  });
});

test('a store that is neither local nor a postgres URL, or a replica without a primary, is one clear error that never shows the password', () => {
  for (const [value, read, message] of [
    [
      'mysql://u:secret@h/db',
      undefined,
      /KABAR_STORE \(or --store\) is mysql:\/\/u:\*\*\*@h\/db, which is neither local nor a postgres:\/\/ URL/,
    ],
    ['postgres://', undefined, /neither local nor a postgres/],
    ['postgres://u:secret@h/db', 'http://u:secret@r/db', /KABAR_STORE_READ is http:\/\/u:\*\*\*@r\/db/],
    [undefined, 'postgres://u:secret@r/db', /KABAR_STORE_READ is set but the index is local/],
  ] as const) {
    assert.throws(
      () => parseStore(value, read),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.equal(error.code, 'BAD_CONFIG');
        assert.match(error.message, message);
        assert.doesNotMatch(`${error.message} ${error.hint}`, /secret/);
        return true;
      },
    );
  }
  assert.equal(withoutPassword('postgres://kabar:pw@127.0.0.1:5432/x'), 'postgres://kabar:***@127.0.0.1:5432/x');
  assert.equal(withoutPassword('postgres://kabar@127.0.0.1/x'), 'postgres://kabar@127.0.0.1/x');
  assert.equal(
    withoutPassword('postgres://127.0.0.1/x?user=kabar&password=pw&sslmode=require'),
    'postgres://127.0.0.1/x?user=kabar&password=***&sslmode=require',
  );
});
