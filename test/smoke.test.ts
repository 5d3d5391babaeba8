import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasShared } from './support/shared.js';

test('shared data is located', { skip: hasShared ? false : 'no ../shared' }, () => {
  assert.ok(hasShared);
});
