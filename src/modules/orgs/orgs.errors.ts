/** The errors of the organization tree, with stable codes and messages in both languages. */
import { formatDateVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../../core/org-kinds.ts';

const label = (kind: string) => ORG_KIND_LABELS[kind as OrgKind] ?? { vi: kind, en: kind };

export const orgErrors = {
  notFound: (code: string, field?: string) =>
    new AppError(
      'org.not_found',
      'not_found',
      { vi: `Không tìm thấy tổ chức có mã "${code}"`, en: `No organization with code "${code}"` },
      { field },
    ),
  notYetExisting: (code: string, date: string, firstFrom: string, field = 'date') =>
    new AppError(
      'org.not_yet_existing',
      'validation',
      {
        vi: `Tổ chức "${code}" chưa tồn tại vào ngày ${formatDateVn(date)} (thành lập ngày ${formatDateVn(firstFrom)})`,
        en: `Organization "${code}" did not exist yet on ${formatDateVn(date)} (founded ${formatDateVn(firstFrom)})`,
      },
      { field },
    ),
  noLongerExisting: (code: string, date: string, closedOn: string, field = 'date') =>
    new AppError(
      'org.no_longer_existing',
      'validation',
      {
        vi: `Tổ chức "${code}" không còn tồn tại vào ngày ${formatDateVn(date)} (đã kết thúc ngày ${formatDateVn(closedOn)})`,
        en: `Organization "${code}" no longer existed on ${formatDateVn(date)} (ended ${formatDateVn(closedOn)})`,
      },
      { field },
    ),
  laterChangeExists: (code: string, date: string, latest: string) =>
    new AppError(
      'org.operation.before_later_change',
      'validation',
      {
        vi: `Đã có thay đổi ngày ${formatDateVn(latest)} trong "${code}"; không thể ghi thay đổi lùi về ngày ${formatDateVn(date)}. Hãy ghi các thay đổi theo đúng thứ tự ngày.`,
        en: `"${code}" already has a change dated ${formatDateVn(latest)}; a change dated ${formatDateVn(date)} cannot be recorded before it. Record changes in date order.`,
      },
      { field: 'date' },
    ),
  codeTaken: (code: string, field = 'code') =>
    new AppError(
      'org.code_taken',
      'conflict',
      {
        vi: `Mã "${code}" đã được dùng cho một tổ chức khác`,
        en: `Code "${code}" is already used by another organization`,
      },
      { field },
    ),
  rootExists: () =>
    new AppError(
      'org.root_exists',
      'validation',
      {
        vi: 'Cây tổ chức đã có gốc; tổ chức mới phải có tổ chức cấp trên',
        en: 'The tree already has a root; a new organization needs a parent',
      },
      { field: 'parentCode' },
    ),
  kindNotAllowed: (childKind: string, parentKind: string | null, field = 'kind') =>
    new AppError(
      'org.kind_not_allowed',
      'validation',
      parentKind === null
        ? {
            vi: `"${label(childKind).vi}" không thể là gốc của cây tổ chức`,
            en: `A "${label(childKind).en}" cannot be the root of the tree`,
          }
        : {
            vi: `"${label(childKind).vi}" không thể trực thuộc "${label(parentKind).vi}"`,
            en: `A "${label(childKind).en}" cannot be placed under a "${label(parentKind).en}"`,
          },
      { field },
    ),
  cycle: (code: string, parentCode: string) =>
    new AppError(
      'org.move.cycle',
      'validation',
      {
        vi: `Không thể chuyển "${code}" vào "${parentCode}" vì "${parentCode}" nằm trong chính "${code}"`,
        en: `Cannot move "${code}" under "${parentCode}": "${parentCode}" lies inside "${code}"`,
      },
      { field: 'toParentCode' },
    ),
  sameParent: (code: string) =>
    new AppError(
      'org.move.same_parent',
      'validation',
      { vi: `"${code}" đã trực thuộc tổ chức này`, en: `"${code}" is already under this parent` },
      { field: 'toParentCode' },
    ),
  sameName: (code: string) =>
    new AppError(
      'org.rename.same_name',
      'validation',
      { vi: `"${code}" đã có tên này`, en: `"${code}" already has this name` },
      { field: 'name' },
    ),
  mergeKindRequired: () =>
    new AppError(
      'org.merge.kind_required',
      'validation',
      {
        vi: 'Các tổ chức được hợp nhất khác loại nhau: hãy chọn loại của tổ chức sau hợp nhất',
        en: 'The merged organizations are of different kinds: choose the kind of the resulting organization',
      },
      { field: 'kind' },
    ),
  mergeNewNeedsName: (code: string) =>
    new AppError(
      'org.merge.new_needs_name',
      'validation',
      {
        vi: `"${code}" chưa tồn tại: cần nhập tên của tổ chức mới`,
        en: `"${code}" does not exist yet: give the name of the new organization`,
      },
      { field: 'name' },
    ),
  mergeNewNeedsKind: (code: string) =>
    new AppError(
      'org.merge.new_needs_kind',
      'validation',
      {
        vi: `"${code}" chưa tồn tại: cần chọn loại của tổ chức mới`,
        en: `"${code}" does not exist yet: choose the kind of the new organization`,
      },
      { field: 'kind' },
    ),
  mergeSourceIsAncestor: (code: string) =>
    new AppError(
      'org.merge.nested',
      'validation',
      {
        vi: `Không thể hợp nhất "${code}" với tổ chức cấp trên hoặc cấp dưới của nó`,
        en: `Cannot merge "${code}" with its own ancestor or descendant`,
      },
      { field: 'fromCodes' },
    ),
  duplicateCodes: (field: string) =>
    new AppError(
      'org.duplicate_codes',
      'validation',
      { vi: 'Danh sách có mã trùng nhau', en: 'The list repeats a code' },
      { field },
    ),
  splitUnassignedChild: (childCode: string) =>
    new AppError(
      'org.split.unassigned_child',
      'validation',
      {
        vi: `Chưa chọn tổ chức mới cho "${childCode}": mọi tổ chức trực thuộc phải được phân về một tổ chức mới`,
        en: `"${childCode}" is not assigned: every child must go to one of the new organizations`,
      },
      { field: 'assign' },
    ),
  splitUnknownChild: (childCode: string) =>
    new AppError(
      'org.split.not_a_child',
      'validation',
      {
        vi: `"${childCode}" không trực thuộc tổ chức được chia tách`,
        en: `"${childCode}" is not a child of the organization being split`,
      },
      { field: 'assign' },
    ),
  splitUnknownTarget: (targetCode: string) =>
    new AppError(
      'org.split.unknown_target',
      'validation',
      {
        vi: `"${targetCode}" không nằm trong danh sách tổ chức mới`,
        en: `"${targetCode}" is not one of the new organizations`,
      },
      { field: 'assign' },
    ),
  dissolveNotEmpty: (code: string, children: number) =>
    new AppError(
      'org.dissolve.not_empty',
      'validation',
      {
        vi: `Không thể giải thể "${code}" khi còn ${children} tổ chức trực thuộc; hãy chuyển hoặc hợp nhất chúng trước`,
        en: `Cannot dissolve "${code}" while it still has ${children} child organizations; move or merge them first`,
      },
      { field: 'code' },
    ),
  hasMembers: (code: string, members: number) =>
    new AppError(
      'org.has_members',
      'validation',
      {
        vi: `"${code}" còn ${members} đảng viên: hãy chuyển sinh hoạt hoặc hợp nhất chi bộ trước`,
        en: `"${code}" still has ${members} members: transfer them or merge the cell first`,
      },
      { field: 'code' },
    ),
  targetCannotHoldMembers: (code: string) =>
    new AppError(
      'org.merge.target_not_a_cell',
      'validation',
      {
        vi: `Các chi bộ được hợp nhất có đảng viên, nhưng "${code}" không phải chi bộ nên không thể nhận đảng viên`,
        en: `The merged cells have members, but "${code}" is not a cell and cannot hold them`,
      },
      { field: 'kind' },
    ),
  ambiguousRoot: () =>
    new AppError('org.tree.no_single_root', 'validation', {
      vi: 'Vào ngày này cây chưa có tổ chức gốc (hoặc có nhiều gốc): hãy chọn tổ chức cần xem (tham số org, hoặc --org ở dòng lệnh)',
      en: 'The tree has no single root on this date: name the organization (the org parameter, or --org on the command line)',
    }),
};
