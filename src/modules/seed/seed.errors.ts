/** The errors of the seed, with stable codes and messages in both languages. */
import { AppError, validationError } from '../../core/errors.ts';
import { SEED_SCALES } from './seed.generator.ts';

export const seedErrors = {
  treeNotEmpty: () =>
    new AppError('seed.tree_not_empty', 'conflict', {
      vi: 'Cơ sở dữ liệu đã có cây tổ chức; chỉ tạo dữ liệu mẫu vào cơ sở dữ liệu trống.',
      en: 'The database already holds an organization tree; synthetic data is only seeded into an empty one.',
    }),
  membersNotEmpty: () =>
    new AppError('seed.members_not_empty', 'conflict', {
      vi: 'Cơ sở dữ liệu đã có đảng viên; chỉ tạo đảng viên mẫu vào danh sách trống.',
      en: 'The database already holds members; synthetic members are only seeded into an empty registry.',
    }),
  inProgress: () =>
    new AppError('seed.in_progress', 'conflict', {
      vi: 'Một tiến trình khác đang tạo dữ liệu mẫu trên cơ sở dữ liệu này.',
      en: 'Another process is seeding this database.',
    }),
  invalidScale: (scale: string) =>
    validationError(
      'seed.invalid_scale',
      {
        vi: `Quy mô không hợp lệ: "${scale}" (chọn ${SEED_SCALES.join(', ')})`,
        en: `Invalid scale: "${scale}" (choose ${SEED_SCALES.join(', ')})`,
      },
      'scale',
    ),
  invalidSeed: (seed: unknown) =>
    validationError(
      'seed.invalid_seed',
      {
        vi: `Hạt giống ngẫu nhiên không hợp lệ: "${String(seed)}" (số nguyên từ 0 đến 4294967295)`,
        en: `Invalid random seed: "${String(seed)}" (an integer from 0 to 4294967295)`,
      },
      'seed',
    ),
};
