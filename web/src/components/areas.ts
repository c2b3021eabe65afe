import {
  type Icon,
  IconBuilding,
  IconFileImport,
  IconFileText,
  IconPodium,
  IconReportAnalytics,
  IconShieldLock,
  IconSitemap,
  IconUserStar,
  IconUsers,
  IconWriting,
} from '@tabler/icons-react';

/** The areas of product.md, in the order they are built. */
export const AREA_IDS = [
  'orgs',
  'members',
  'imports',
  'documents',
  'drafting',
  'cadres',
  'congresses',
  'apparatus',
  'reporting',
  'security',
] as const;

export type AreaId = (typeof AREA_IDS)[number];
/** Areas already built: the others show what they will do. */
const BUILT_AREAS = ['orgs', 'members', 'imports', 'documents', 'security'] as const;
export type PlannedAreaId = Exclude<AreaId, (typeof BUILT_AREAS)[number]>;

export interface Area {
  id: AreaId;
  path: string;
  icon: Icon;
  built: boolean;
}

export const AREAS: readonly Area[] = [
  { id: 'orgs', path: '/orgs', icon: IconSitemap, built: true },
  { id: 'members', path: '/members', icon: IconUsers, built: true },
  { id: 'imports', path: '/imports', icon: IconFileImport, built: true },
  { id: 'documents', path: '/documents', icon: IconFileText, built: true },
  { id: 'drafting', path: '/drafting', icon: IconWriting, built: false },
  { id: 'cadres', path: '/cadres', icon: IconUserStar, built: false },
  { id: 'congresses', path: '/congresses', icon: IconPodium, built: false },
  { id: 'apparatus', path: '/apparatus', icon: IconBuilding, built: false },
  { id: 'reporting', path: '/reporting', icon: IconReportAnalytics, built: false },
  { id: 'security', path: '/security/audit', icon: IconShieldLock, built: true },
];

export function isPlannedArea(id: AreaId): id is PlannedAreaId {
  return !BUILT_AREAS.some((built) => built === id);
}

/** Areas not built yet: each shows what it will do. */
export const PLANNED_AREAS = AREAS.filter((area): area is Area & { id: PlannedAreaId } =>
  isPlannedArea(area.id),
);
