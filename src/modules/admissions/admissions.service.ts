/**
 * The admission pipeline: candidates per cell as a work queue, each step dated, warnings from the
 * rules in `core/member-rules/admission-pipeline.ts`. Recording the ceremony admits the candidate
 * into the member registry in the same transaction.
 */
import { requireDate, todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import {
  type AdmissionStep,
  candidateWarnings,
  type IntroducerResult,
  introducerEligible,
  nextStep,
} from '../../core/member-rules/index.ts';
import { holdsMembers, type OrgKind } from '../../core/org-kinds.ts';
import { parseInput } from '../../core/validation.ts';
import { normalizeName, personSortKey } from '../../core/vn-text.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, inTransaction, type Tx } from '../../db/transaction.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addMemberInTransaction } from '../members/members.service.ts';
import { orgErrors } from '../orgs/orgs.errors.ts';
import { findUnitInTransaction as findUnitAsOf } from '../orgs/orgs.service.ts';
import * as repo from './admissions.repository.ts';
import {
  addIntroducerInputSchema,
  type Candidate,
  type CreateCandidateInput,
  createCandidateInputSchema,
  type RecordStepInput,
  recordStepInputSchema,
} from './admissions.schemas.ts';

const errors = {
  notFound: (id: number) =>
    new AppError('admission.candidate_not_found', 'not_found', {
      vi: `Không tìm thấy người vào Đảng có mã ${id}`,
      en: `No candidate with id ${id}`,
    }),
  alreadyAdmitted: (id: number) =>
    new AppError('admission.already_admitted', 'conflict', {
      vi: `Người vào Đảng ${id} đã được kết nạp`,
      en: `Candidate ${id} has already been admitted`,
    }),
  notACell: (code: string) =>
    new AppError(
      'admission.not_a_cell',
      'validation',
      { vi: `"${code}" không phải chi bộ`, en: `"${code}" is not a cell` },
      { field: 'cellCode' },
    ),
  memberNotFound: (id: number) =>
    new AppError(
      'admission.introducer_not_found',
      'validation',
      { vi: `Không có đảng viên mã ${id}`, en: `No member with id ${id}` },
      { field: 'memberId' },
    ),
  introducerNotEligible: (result: Exclude<IntroducerResult, { ok: true }>) =>
    new AppError(
      `admission.${result.code}`,
      'validation',
      { vi: result.vi, en: result.en },
      { field: result.code === 'introducer.not_official' ? 'memberId' : 'knownSince' },
    ),
  stepsMissing: () =>
    new AppError(
      'admission.steps_missing',
      'validation',
      {
        vi: 'Chưa thể tổ chức lễ kết nạp: cần có nghị quyết của chi bộ và quyết định kết nạp',
        en: "The ceremony needs the cell's resolution and the admission decision first",
      },
      { field: 'step' },
    ),
};

function present(row: repo.CandidateRow, introducers: repo.IntroducerRow[], today: string): Candidate {
  const steps: Partial<Record<AdmissionStep, string>> = {};
  if (row.awarenessClassDate) steps.awareness_class = row.awarenessClassDate;
  if (row.applicationDate) steps.application = row.applicationDate;
  if (row.cellResolutionDate) steps.cell_resolution = row.cellResolutionDate;
  if (row.decisionDate) steps.decision = row.decisionDate;
  if (row.ceremonyDate) steps.ceremony = row.ceremonyDate;
  const mine = introducers.filter((i) => i.candidateId === row.id);
  return {
    id: row.id,
    cellCode: row.cellCode,
    fullName: row.fullName,
    birthDate: row.birthDate,
    sex: row.sex,
    youthUnionMember: row.youthUnionMember,
    steps,
    decisionRef: row.decisionRef,
    introducers: mine.map((i) => ({ memberId: i.memberId, fullName: i.fullName, knownSince: i.knownSince })),
    nextStep: nextStep(steps),
    memberId: row.memberId,
    warnings: row.memberId
      ? []
      : candidateWarnings(
          {
            birthDate: row.birthDate,
            youthUnionMember: row.youthUnionMember,
            steps,
            introducers: mine.map((i) => ({
              introducerOfficialSince: i.officialDate,
              knownSince: i.knownSince,
            })),
          },
          today,
        ),
  };
}

async function load(tx: Tx, id: number): Promise<Candidate> {
  const row = await repo.getCandidate(tx, id);
  if (!row) throw errors.notFound(id);
  return present(row, await repo.introducersOf(tx, [id]), todayVn());
}

export async function createCandidate(
  database: Database,
  actor: Actor,
  raw: CreateCandidateInput,
): Promise<Candidate> {
  const input = parseInput(createCandidateInputSchema, raw);
  const birthDate = requireDate(input.birthDate, 'birthDate');
  return inTransaction(database.db, actor, async (tx) => {
    const cell = await findUnitAsOf(tx, input.cellCode, todayVn());
    if (!cell) throw orgErrors.notFound(input.cellCode, 'cellCode');
    if (!holdsMembers(cell.kind as OrgKind)) throw errors.notACell(input.cellCode);
    const fullName = normalizeName(input.fullName);
    const id = await repo.insertCandidate(tx, {
      cellId: cell.unitId,
      fullName,
      sortKey: personSortKey(fullName),
      birthDate,
      sex: input.sex,
      nationalId: input.nationalId ?? null,
      youthUnionMember: input.youthUnionMember ?? false,
      actor: actor.id,
    });
    await recordAudit(tx, { action: 'admission.create', entity: 'admission_candidate', ids: [id] });
    return load(tx, id);
  });
}

export async function addIntroducer(
  database: Database,
  actor: Actor,
  id: number,
  raw: { memberId: number; knownSince: string },
): Promise<Candidate> {
  const input = parseInput(addIntroducerInputSchema, raw);
  const knownSince = requireDate(input.knownSince, 'knownSince');
  return inTransaction(database.db, actor, async (tx) => {
    const row = await repo.getCandidate(tx, id);
    if (!row) throw errors.notFound(id);
    const introducer = await repo.officialSinceOf(tx, input.memberId);
    if (!introducer) throw errors.memberNotFound(input.memberId);
    // the same rule the warnings apply, on the day the cell considers the admission (until then, today)
    const eligible = introducerEligible(
      { introducerOfficialSince: introducer.since, knownSince },
      row.cellResolutionDate ?? todayVn(),
    );
    if (!eligible.ok) throw errors.introducerNotEligible(eligible);
    await repo.addIntroducer(tx, id, input.memberId, knownSince);
    await recordAudit(tx, {
      action: 'admission.introducer',
      entity: 'admission_candidate',
      ids: [id],
      details: { memberId: input.memberId },
    });
    return load(tx, id);
  });
}

/** Dates a step; the ceremony admits the candidate as a probationary member of the cell. */
export async function recordStep(
  database: Database,
  actor: Actor,
  id: number,
  raw: RecordStepInput,
): Promise<Candidate> {
  const input = parseInput(recordStepInputSchema, raw);
  const date = requireDate(input.date, 'date');
  return inTransaction(database.db, actor, async (tx) => {
    const row = await repo.getCandidate(tx, id);
    if (!row) throw errors.notFound(id);
    if (row.memberId) throw errors.alreadyAdmitted(id);
    if (input.step === 'ceremony') {
      if (!row.cellResolutionDate || !row.decisionDate) throw errors.stepsMissing();
      const { id: memberId } = await addMemberInTransaction(
        tx,
        actor,
        {
          fullName: row.fullName,
          birthDate: row.birthDate,
          sex: row.sex,
          admissionDate: date,
          cellCode: row.cellCode,
          decisionRef: row.decisionRef ?? undefined,
        },
        { consideredOn: row.cellResolutionDate },
      );
      await repo.linkMember(tx, id, memberId);
    }
    await repo.setStep(tx, id, input.step, date, input.decisionRef ?? null);
    const candidate = await load(tx, id);
    await recordAudit(tx, {
      action: 'admission.step',
      entity: 'admission_candidate',
      ids: [id],
      details: { step: input.step, memberId: candidate.memberId },
    });
    return candidate;
  });
}

/** The work queue of a unit: open candidates of the cells under it, with what to do next and warnings. */
export async function candidateQueue(
  database: Database,
  actor: Actor,
  query: { org: string },
): Promise<Candidate[]> {
  const today = todayVn();
  return inTransaction(database.db, actor, async (tx) => {
    const unit = await findUnitAsOf(tx, query.org, today);
    if (!unit) throw orgErrors.notFound(query.org, 'org');
    const rows = await repo.openCandidatesUnder(tx, unit.path);
    const introducers = await repo.introducersOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => present(r, introducers, today));
  });
}
