import { describe, expect, it } from 'vitest';
import { preparable } from '../../lib/db/prepare';

describe('which statements are prepared (lib/db/prepare.ts)', () => {
  it('keeps LIKE and ILIKE searches unnamed, so each is planned for its pattern', () => {
    expect(preparable('select 1 from "users" where lower("first_name") LIKE lower($1)')).toBe(false);
    expect(preparable('select 1 from "audit_log" where "actor" ilike $2 limit 50')).toBe(false);
  });
  it('prepares everything else, also names that merely contain the word', () => {
    expect(preparable('select count(*)::int from "tickets" where "tenant_id" = $1')).toBe(true);
    expect(preparable('select "likes_count", "unlike" from "t"')).toBe(true);
  });
});
