/**
 * The synthetic organization tree, generated lazily and deterministically: the same plan (scale,
 * seed, date) always yields the same units in the same order, so a seed can be generated twice
 * (once per table) instead of being held in memory, and tests can compare runs.
 *
 * Units come out parent-first (depth-first pre-order) with ids counting up from 1, which is what
 * COPY needs for the foreign keys and what the ltree paths are made of.
 */
import type { OrgKind } from '../../core/org-kinds.ts';
import { CENTRAL_BLOCS, CENTRAL_ROOT, PROVINCES, type TopSpec } from './seed.places.ts';
import { type FixedGrassroots, type GrassrootsKind, type Pool, topStructure } from './seed.pools.ts';
import { deriveSeed, Random } from './seed.random.ts';
import {
  CELL_VOCABULARY,
  type CellStyle,
  communeServiceCells,
  NameSource,
  streetName,
  villageName,
} from './seed.vocabulary.ts';

export const SEED_SCALES = ['demo', 'province', 'national'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

export interface SeedPlan {
  scale: SeedScale;
  seed: number;
  /** Creation date of the post-reorganisation tree (YYYY-MM-DD); older units get earlier dates. */
  date: string;
}

export interface SeedUnit {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  /** Unit ids from the root down to this unit, as ltree text: `1.5.1234`. */
  path: string;
  /** Id of the committee directly under the Central this unit belongs to; null for the root. */
  topId: number | null;
  validFrom: string;
}

/** Grassroots organizations (committees and grassroots cells) in the national tree. */
export const NATIONAL_GRASSROOTS = 54_000;

/** A city has more agencies, enterprises and schools per commune than a rural province. */
const CITY_WEIGHT = 1.6;

/** Demo and province scales: Hà Nội alone (its national share is about 2,600 grassroots organizations). */
const SINGLE_PROVINCE: Record<Exclude<SeedScale, 'national'>, number> = { demo: 300, province: 3000 };

interface TopPlan {
  spec: TopSpec;
  grassroots: number;
}

function nationalTops(): TopPlan[] {
  const blocs = CENTRAL_BLOCS.reduce((sum, b) => sum + (b.grassroots ?? 0), 0);
  const weights = PROVINCES.map((p) => (p.communes ?? 0) * (p.city ? CITY_WEIGHT : 1));
  const shares = apportion(NATIONAL_GRASSROOTS - blocs, weights);
  return [
    ...PROVINCES.map((spec, i) => ({ spec, grassroots: shares[i] ?? 0 })),
    ...CENTRAL_BLOCS.map((spec) => ({ spec, grassroots: spec.grassroots ?? 0 })),
  ];
}

function topsOf(scale: SeedScale): { tops: TopPlan[]; national: Map<string, number> } {
  const all = nationalTops();
  const national = new Map(all.map((t) => [t.spec.code, t.grassroots]));
  if (scale === 'national') return { tops: all, national };
  const hanoi = PROVINCES[0] as TopSpec;
  return { tops: [{ spec: hanoi, grassroots: SINGLE_PROVINCE[scale] }], national };
}

/** Splits `total` in proportion to `weights` (largest remainder, so the parts add up exactly). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function codeWidth(siblings: number, kind: 'cell' | 'other'): number {
  return Math.max(kind === 'cell' ? 2 : 3, String(siblings).length);
}

/** A committee's cells: mostly 3–20, a few large ones (Charter: a cell needs at least 3 members). */
function cellCount(rng: Random, size = 1): number {
  const base = rng.chance(0.05) ? 20 + Math.floor(rng.next() * 30) : 3 + Math.floor(rng.next() ** 2 * 17);
  return Math.max(3, Math.round(base * size));
}

/** Draws a name not yet used under the same parent; numbers it only when the words run out. */
function uniqueName(used: Set<string>, draw: () => string): string {
  let name = draw();
  for (let attempt = 0; used.has(name) && attempt < 40; attempt++) name = draw();
  if (used.has(name)) {
    const base = name;
    for (let k = 2; used.has(name); k++) name = `${base} (${k})`;
  }
  used.add(name);
  return name;
}

class TreeBuilder {
  #nextId = 1;
  readonly date: string;

  constructor(date: string) {
    this.date = date;
  }

  unit(parent: SeedUnit | null, kind: OrgKind, name: string, code: string, validFrom: string): SeedUnit {
    const id = this.#nextId++;
    return {
      id,
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
      topId: kind === 'central' ? null : kind === 'province' ? id : (parent?.topId ?? null),
      validFrom,
    };
  }

  /**
   * A child of an older parent was founded some time between the parent and the seed date with
   * probability `older`; otherwise it dates from the reorganisation.
   */
  dateUnder(parent: SeedUnit, rng: Random, older: number): string {
    if (parent.validFrom >= this.date || !rng.chance(older)) return this.date;
    const from = toDay(parent.validFrom);
    return fromDay(from + Math.floor(rng.next() * (toDay(this.date) - from)));
  }
}

function* cellsOf(
  tree: TreeBuilder,
  parent: SeedUnit,
  names: readonly string[],
  rng: Random,
  olderShare: number,
): Generator<SeedUnit> {
  const width = codeWidth(names.length, 'cell');
  for (const [i, name] of names.entries()) {
    yield tree.unit(
      parent,
      'cell',
      name,
      `${parent.code}.${pad(i + 1, width)}`,
      tree.dateUnder(parent, rng, olderShare),
    );
  }
}

function styledCellNames(
  style: Exclude<CellStyle, 'commune' | 'ward' | 'zone'>,
  count: number,
  rng: Random,
): string[] {
  const vocabulary = CELL_VOCABULARY[style];
  const named = Math.min(vocabulary.fixed.length, rng.int(Math.ceil(count / 2), count));
  const names = rng.shuffle(vocabulary.fixed).slice(0, named);
  for (let k = 1; names.length < count; k++) names.push(vocabulary.numbered(k));
  return names.map((n) => `Chi bộ ${n}`);
}

function communeCellNames(type: 'xã' | 'phường' | 'đặc khu', commune: string, n: NameSource): string[] {
  const { rng } = n;
  const places = type === 'xã' ? rng.int(13, 40) : type === 'phường' ? rng.int(10, 30) : rng.int(5, 15);
  const used = new Set<string>();
  const names: string[] = [];
  for (let i = 1; i <= places; i++) {
    const place = uniqueName(used, () => (type === 'phường' ? streetName(n, i) : villageName(n, i)));
    names.push(`Chi bộ ${place}`);
  }
  const services = communeServiceCells(type, commune);
  names.push(...services.slice(0, rng.int(4, services.length)));
  return names;
}

type Entity = FixedGrassroots | GrassrootsKind;

function* grassrootsOf(
  tree: TreeBuilder,
  parent: SeedUnit,
  pool: Pool,
  count: number,
  first: number,
  width: number,
  n: NameSource,
): Generator<SeedUnit> {
  const { rng } = n;
  const used = new Set<string>();
  const weights = pool.kinds.map((k) => k.weight);
  for (let i = 0; i < count; i++) {
    const fixedEntity = pool.fixed[i];
    let entity: Entity = fixedEntity ?? (pool.kinds[0] as GrassrootsKind);
    // each retry draws the kind again: a kind with few names (Chi cục …) gives way to another
    const name = fixedEntity
      ? uniqueName(used, () => fixedEntity.name)
      : uniqueName(used, () => {
          const drawn = pool.kinds[rng.weighted(weights)] as GrassrootsKind;
          entity = drawn;
          return drawn.make(n);
        });
    const committee = rng.chance(entity.committeeShare);
    const unit = tree.unit(
      parent,
      committee ? 'grassroots_committee' : 'grassroots_cell',
      `${committee ? 'Đảng ủy' : 'Chi bộ'} ${name}`,
      `${parent.code}.${pad(first + i, width)}`,
      tree.dateUnder(parent, rng, 0.6),
    );
    yield unit;
    if (committee && entity.cells !== 'commune' && entity.cells !== 'ward' && entity.cells !== 'zone') {
      yield* cellsOf(tree, unit, styledCellNames(entity.cells, cellCount(rng, entity.size), rng), rng, 0.7);
    }
  }
}

function* localTop(
  tree: TreeBuilder,
  root: SeedUnit,
  plan: TopPlan,
  nationalGrassroots: number,
  rng: Random,
): Generator<SeedUnit> {
  const { spec } = plan;
  const place = spec.place ?? spec.code;
  const scope = spec.city
    ? place === 'Hồ Chí Minh'
      ? 'Thành phố Hồ Chí Minh'
      : `thành phố ${place}`
    : `tỉnh ${place}`;
  const n = new NameSource(
    rng,
    place,
    scope,
    spec.city ? 'Thành ủy' : 'Tỉnh ủy',
    spec.region ?? 'north',
    PROVINCES.map((p) => p.place ?? p.code),
  );
  const top = tree.unit(root, 'province', spec.name, spec.code, minDate(spec.since ?? tree.date, tree.date));
  yield top;

  const realCommunes = spec.communes ?? 0;
  // a smaller-than-national province keeps the national mix: fewer communes, not just fewer agencies
  const communes = Math.min(
    realCommunes,
    Math.round((realCommunes * plan.grassroots) / Math.max(1, nationalGrassroots)),
  );
  const fullSize = communes === realCommunes;
  const zones = fullSize ? (spec.specialZones ?? []) : [];
  const wards = Math.round(((spec.wards ?? 0) * communes) / Math.max(1, realCommunes));
  const structure = topStructure(spec.profile, n, spec.border ?? false);
  const others = Math.max(0, plan.grassroots - communes);
  const parts = apportion(others, [...structure.intermediates.map((m) => m.weight), structure.directWeight]);
  const direct = parts[parts.length - 1] ?? 0;
  const width = codeWidth(structure.intermediates.length + communes + direct, 'other');
  let index = 0;

  for (const [i, spec2] of structure.intermediates.entries()) {
    const count = parts[i] ?? 0;
    const unit = tree.unit(
      top,
      'intermediate',
      spec2.name,
      `${top.code}.${pad(++index, width)}`,
      tree.dateUnder(top, rng, 0.5),
    );
    yield unit;
    yield* grassrootsOf(tree, unit, spec2.pool, count, 1, codeWidth(count, 'other'), n);
  }

  const communeNames = new Set<string>(zones);
  for (let c = 0; c < communes; c++) {
    const zone = c >= communes - zones.length ? zones[c - (communes - zones.length)] : undefined;
    const type = zone ? 'đặc khu' : c < wards ? 'phường' : 'xã';
    const name = zone ?? uniqueName(communeNames, () => (type === 'phường' ? n.kinh() : n.local()));
    // commune-level committees were all re-formed by the 2025 reorganisation
    const unit = tree.unit(
      top,
      'grassroots_committee',
      `Đảng ủy ${type} ${name}`,
      `${top.code}.${pad(++index, width)}`,
      tree.date,
    );
    yield unit;
    yield* cellsOf(tree, unit, communeCellNames(type, name, n), rng, 0);
  }

  yield* grassrootsOf(tree, top, structure.direct, direct, index + 1, width, n);
}

function* centralTop(tree: TreeBuilder, root: SeedUnit, plan: TopPlan, rng: Random): Generator<SeedUnit> {
  const { spec } = plan;
  const n = new NameSource(
    rng,
    'Việt Nam',
    'Trung ương',
    'Đảng ủy',
    'north',
    PROVINCES.map((p) => p.place ?? p.code),
  );
  const top = tree.unit(root, 'province', spec.name, spec.code, minDate(spec.since ?? tree.date, tree.date));
  yield top;
  const structure = topStructure(spec.profile, n, false);
  const parts = apportion(plan.grassroots, [
    ...structure.intermediates.map((m) => m.weight),
    structure.directWeight,
  ]);
  const direct = parts[parts.length - 1] ?? 0;
  const width = codeWidth(structure.intermediates.length + direct, 'other');
  let index = 0;
  for (const [i, spec2] of structure.intermediates.entries()) {
    const count = parts[i] ?? 0;
    const unit = tree.unit(
      top,
      'intermediate',
      spec2.name,
      `${top.code}.${pad(++index, width)}`,
      tree.dateUnder(top, rng, 0.5),
    );
    yield unit;
    yield* grassrootsOf(tree, unit, spec2.pool, count, 1, codeWidth(count, 'other'), n);
  }
  yield* grassrootsOf(tree, top, structure.direct, direct, index + 1, width, n);
}

/** The whole tree, root first, one unit at a time. */
export function* generateOrgTree(plan: SeedPlan): Generator<SeedUnit> {
  const tree = new TreeBuilder(plan.date);
  const root = tree.unit(
    null,
    'central',
    CENTRAL_ROOT.name,
    CENTRAL_ROOT.code,
    minDate(CENTRAL_ROOT.since, plan.date),
  );
  yield root;
  const { tops, national } = topsOf(plan.scale);
  for (const [i, top] of tops.entries()) {
    const rng = new Random(deriveSeed(plan.seed, i));
    if (top.spec.profile === 'local') {
      yield* localTop(tree, root, top, national.get(top.spec.code) ?? top.grassroots, rng);
    } else {
      yield* centralTop(tree, root, top, rng);
    }
  }
}
