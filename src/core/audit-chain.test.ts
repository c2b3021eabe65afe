import { describe, expect, it } from 'vitest';
import { type ChainEntry, canonicalEntry, entryHash, GENESIS_HASH, verifyEntries } from './audit-chain.ts';

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const body = {
      id: String(i),
      at: `2026-01-0${i}T00:00:00.000000Z`,
      actor: 'user:lan',
      ip: i % 2 ? '10.0.0.1' : null,
      action: 'member.profile_read',
      entity: 'member',
      ids: [String(i * 10)],
      details: i === 2 ? '{"q": "Nguyễn \\"Văn\\"\\n"}' : null,
      prevHash,
    };
    const hash = entryHash(body);
    out.push({ ...body, hash });
    prevHash = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('serialises an entry as a JSON array of strings and nulls, in a fixed field order', () => {
    expect(
      canonicalEntry({
        id: '7',
        at: '2026-11-23T10:00:00.123456Z',
        actor: 'system:root',
        ip: null,
        action: 'org.rename',
        entity: 'org_unit',
        ids: ['3', '4'],
        details: '{"a": 1}',
        prevHash: GENESIS_HASH,
      }),
    ).toBe(
      `["7","2026-11-23T10:00:00.123456Z","system:root",null,"org.rename","org_unit",["3","4"],"{\\"a\\": 1}","${GENESIS_HASH}"]`,
    );
  });

  it('accepts an intact chain, also when checked page by page', () => {
    const entries = chain(5);
    expect(verifyEntries(entries)).toEqual({ lastHash: entries[4]?.hash, checked: 5, broken: null });
    const half = verifyEntries(entries.slice(0, 2));
    expect(verifyEntries(entries.slice(2), half)).toEqual(verifyEntries(entries));
  });

  it('finds an edited entry at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as ChainEntry), actor: 'user:someone_else' };
    expect(verifyEntries(entries).broken).toMatchObject({ id: '3', reason: 'hash' });
  });

  it('finds an edited and re-hashed entry at the next one', () => {
    const entries = chain(5);
    const edited = { ...(entries[2] as ChainEntry), ids: ['999'] };
    entries[2] = { ...edited, hash: entryHash(edited) };
    expect(verifyEntries(entries).broken).toMatchObject({ id: '4', reason: 'link' });
  });

  it('finds a deleted entry at the one after it', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyEntries(entries)).toMatchObject({ checked: 1, broken: { id: '3', reason: 'link' } });
  });

  it('finds two entries swapped at the first of them', () => {
    const entries = chain(5);
    const [a, b] = [entries[1] as ChainEntry, entries[2] as ChainEntry];
    entries[1] = { ...b, id: a.id };
    entries[2] = { ...a, id: b.id };
    expect(verifyEntries(entries).broken).toMatchObject({ id: '2', reason: 'link' });
  });
});
