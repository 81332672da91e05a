/**
 * One case's life, planned as the use cases would have lived it: submitted on a (mostly working) day of the last two
 * years, its tasks fanned out by the bundle's routing, each task claimed, accepted or refused, asked for a
 * supplement, extended, approved or rejected after some working days, the case withdrawn now and then — every step
 * after `now` not yet taken, so recent cases are open and some are overdue. The task statuses move only along
 * lib/workflow/task-transitions.ts, the case status is caseStatusOf of the tasks, clocks follow lib/workflow/task-clock.ts,
 * and every step leaves the trail event the runner writes (hashes are added later, once licence numbers are known).
 */
import type { TCaseDocumentKind } from "@/db/schema";
import type { TAnswers } from "@/lib/forms/answers";
import { evaluateRule } from "@/lib/forms/logic";
import { selectApplicable } from "@/lib/forms/select-applicable";
import { caseStatusOf, isTaskConcluded, nextTaskStatus } from "@/lib/workflow/task-transitions";
import type { TCaseStatus, TTaskStatus } from "@/lib/workflow/statuses";
import type { TApplySubject } from "@/server/catalog/find-apply-subject";
import { documentKindOfAction } from "@/server/workflow/run-task-transition";
import type { TApplicant, TMember } from "./applicants";
import type { TRandom } from "./random";
import type { TReference, TServiceInfo } from "./reference";

export type TPlannedEvent = { at: Date; taskId: string | null; actorId: string | null; kind: string; data: Record<string, unknown>; public: boolean; licenceIndex?: number; documentIndex?: number };

/** A written notice or decision (issue-case-document.ts): numbered and signed once the batch is planned. */
export type TPlannedDocument = { kind: TCaseDocumentKind; task: TPlannedTask; actorId: string | null; reason: string | null; items?: { key: string; note: string }[]; at: Date };

export type TPlannedTask = {
  id: string;
  service: TServiceInfo;
  status: TTaskStatus;
  prerequisiteTaskIds: string[];
  assigneeId: string | null;
  version: number;
  readyOn: string | null;
  dueDate: string;
  legalDueDate: string;
  clockStoppedOn: string | null;
  promisedDaysLeft: number | null;
  legalDaysLeft: number | null;
  extensionStatus: "requested" | "approved" | "denied" | null;
  extensionDays: number | null;
  extensionReason: string | null;
  extensionRequestedById: string | null;
  extensionDecidedById: string | null;
  extensionDecidedAt: Date | null;
  announcedAt: Date | null;
  overdueNotifiedAt: Date | null;
  reason: string | null;
  claimedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** When it was approved (the moment its dependants are released). */
  approvedAt: Date | null;
};

export type TPlannedSupplement = { id: string; taskId: string; requestedById: string; note: string; items: { key: string; note: string }[]; status: "open" | "answered" | "closed"; answers: TAnswers | null; answeredById: string | null; answeredAt: Date | null; createdAt: Date };
export type TPlannedLicence = { taskId: string; service: TServiceInfo; at: Date };
export type TPlannedRating = { id: string; ratedById: string; overall: number; efficiency: number; guideAccuracy: number; convenience: number; comment: string; createdAt: Date };
export type TPlannedFollowUp = { id: string; departmentId: string; dueOn: string; status: "open" | "answered"; reply: string | null; repliedById: string | null; repliedAt: Date | null; createdAt: Date };

export type TPlannedCase = {
  id: string;
  subject: TApplySubject;
  applicant: TApplicant;
  /** Who submitted: the person, or the member acting for the company. */
  member: TMember;
  applicantId: string;
  channel: "online" | "counter" | "api";
  filedById: string | null;
  answers: TAnswers;
  status: TCaseStatus;
  submittedAt: Date;
  concludedAt: Date | null;
  updatedAt: Date;
  tasks: TPlannedTask[];
  events: TPlannedEvent[];
  supplements: TPlannedSupplement[];
  licences: TPlannedLicence[];
  documents: TPlannedDocument[];
  rating: TPlannedRating | null;
  followUps: TPlannedFollowUp[];
};

const minute = 60_000;
const shanghaiOffset = 8 * 60 * minute;

/** The instant of a Beijing-time clock reading on a day. */
export function beijing(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - shanghaiOffset + minutes * minute);
}

/** The Beijing calendar day of an instant (toIsoDate without Intl, for speed). */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + shanghaiOffset).toISOString().slice(0, 10);
}

const supplementNotes = ["请补充提交加盖公章的材料", "所填地址与证明材料不一致，请更正", "请上传清晰完整的材料扫描件", "请补充填写联系人信息"];
const extensionReasons = ["需现场核查", "需征求相关部门意见", "材料需专家评审"];
const withdrawReasons = ["", "信息填写有误，重新申请", "暂不需要办理"];
const followUpReplies = ["已致电申请人了解情况并致歉，已改进窗口服务流程", "已核实情况，对办理人员进行了提醒，并向申请人说明原因", "已回访申请人，问题已解决"];
const comments = ["", "", "", "办理很快，点赞", "窗口服务态度好", "网上办理方便", "等待时间较长", "材料要求不够清楚"];

type TContext = { random: TRandom; reference: TReference; now: Date; today: string };

/** Office hours on a working day `n` working days after `day` (at least `after`). */
function atWorkingDay(context: TContext, day: string, n: number, after: Date): Date {
  const target = context.reference.days.add(day, n);
  const at = beijing(target, context.random.int(9 * 60, 17 * 60 + 30) + context.random.next());
  return at > after ? at : new Date(after.getTime() + context.random.int(3, 90) * minute);
}

function laterBy(context: TContext, after: Date, minMinutes: number, maxMinutes: number): Date {
  return new Date(after.getTime() + context.random.int(minMinutes, maxMinutes) * minute);
}

export function planCase(context: TContext, input: { subject: TApplySubject; applicant: TApplicant; member: TMember; submittedAt: Date; channel: "online" | "counter" | "api"; answers: TAnswers }): TPlannedCase {
  const { random, reference, now } = context;
  const { subject, applicant, member, submittedAt, channel } = input;
  const days = reference.days;
  const applicantId = member.userId;
  const filedById = channel === "counter" ? random.pick(reference.counterIds) : null;
  const answers = input.answers;
  const submitDay = dayOf(submittedAt);
  const caseId = random.uuid();
  const events: TPlannedEvent[] = [];
  const supplements: TPlannedSupplement[] = [];
  const licences: TPlannedLicence[] = [];
  const documents: TPlannedDocument[] = [];
  const applicable = selectApplicable(subject.components, answers);
  events.push({ at: submittedAt, taskId: null, actorId: filedById ?? applicantId, kind: "case-submitted", data: { channel, services: applicable.map((c) => c.service.code), formVersion: subject.form.version }, public: true });

  // A case withdrawn by its applicant: everything not yet decided then ends.
  const withdrawAt = random.chance(0.025) ? atWorkingDay(context, submitDay, random.int(0, 8), submittedAt) : null;
  const cut = withdrawAt && withdrawAt < now ? withdrawAt : now;

  const ids = new Map(applicable.map(({ service }) => [service.code, random.uuid()]));
  const tasks: TPlannedTask[] = [];
  for (const { service: component, dependsOn } of applicable) {
    const service = reference.services.get(component.code)!;
    const prerequisiteTaskIds = dependsOn.flatMap((code) => ids.get(code) ?? []);
    const clerks = reference.clerksByDepartment.get(service.departmentId)!;
    const task: TPlannedTask = {
      id: ids.get(component.code)!,
      service,
      status: prerequisiteTaskIds.length > 0 ? "pending" : "waiting",
      prerequisiteTaskIds,
      assigneeId: null,
      version: 1,
      readyOn: null,
      dueDate: days.add(submitDay, component.promisedLimitDays),
      legalDueDate: days.add(submitDay, component.legalLimitDays),
      clockStoppedOn: null,
      promisedDaysLeft: null,
      legalDaysLeft: null,
      extensionStatus: null,
      extensionDays: null,
      extensionReason: null,
      extensionRequestedById: null,
      extensionDecidedById: null,
      extensionDecidedAt: null,
      announcedAt: null,
      overdueNotifiedAt: null,
      reason: null,
      claimedAt: null,
      decidedAt: null,
      createdAt: submittedAt,
      updatedAt: submittedAt,
      approvedAt: null,
    };
    tasks.push(task);
    const event = (at: Date, kind: string, actorId: string | null, data: Record<string, unknown> = {}, isPublic = true) => {
      events.push({ at, taskId: task.id, actorId, kind, data, public: isPublic });
      task.version += 1;
      task.updatedAt = at;
    };
    const move = (at: Date, action: Parameters<typeof nextTaskStatus>[1], actorId: string | null, data: Record<string, unknown> = {}, kind?: string) => {
      const next = nextTaskStatus(task.status, action);
      if (!next) throw new Error(`seed-load: ${task.status} → ${action} is not a transition`);
      task.status = next;
      if (isTaskConcluded(next)) task.decidedAt = at;
      event(at, kind ?? `task-${next}`, actorId, data);
      // The runner issues the written notice or decision of the action (one acceptance per task: not again after a supplement).
      const documentKind = documentKindOfAction[action];
      if (documentKind && !(documentKind !== "supplement-notice" && documents.some((document) => document.task === task && document.kind === documentKind))) {
        const reason = typeof data.reason === "string" ? data.reason : null;
        documents.push({ kind: documentKind, task, actorId, reason, items: Array.isArray(data.items) ? (data.items as { key: string; note: string }[]) : undefined, at });
        events.push({ at, taskId: task.id, actorId, kind: "document-issued", data: {}, public: true, documentIndex: documents.length - 1 });
      }
    };

    // When it reaches its department: at submit, or when its prerequisites are all approved.
    let readyAt: Date | null = submittedAt;
    if (prerequisiteTaskIds.length > 0) {
      const prerequisites = prerequisiteTaskIds.map((id) => tasks.find((candidate) => candidate.id === id)!);
      const failed = prerequisites.find((prerequisite) => isTaskConcluded(prerequisite.status) && prerequisite.status !== "approved" && prerequisite.status !== "withdrawn");
      if (failed) {
        move(failed.decidedAt!, "cancel", null, { prerequisite: failed.service.code, prerequisiteStatus: failed.status });
        continue;
      }
      readyAt = prerequisites.every((prerequisite) => prerequisite.status === "approved") ? new Date(Math.max(...prerequisites.map((prerequisite) => prerequisite.approvedAt!.getTime()))) : null;
      if (!readyAt) continue;
      move(readyAt, "release", null, {}, "task-ready");
      const readyDay = dayOf(readyAt);
      task.readyOn = readyDay;
      task.dueDate = days.add(readyDay, component.promisedLimitDays);
      task.legalDueDate = days.add(readyDay, component.legalLimitDays);
    } else {
      task.readyOn = submitDay;
    }
    task.announcedAt = laterBy(context, readyAt, 1, 10);
    const readyDay = task.readyOn!;

    // 即办件: approved by the system at submit when its rule holds.
    if (component.kind === "instant" && task.status === "waiting") {
      const check = component.instantCheck;
      if (!check || evaluateRule(check.rule, answers)) {
        move(readyAt, "approve-instantly", null, { automatic: true }, "task-approved");
        task.approvedAt = readyAt;
        if (service.licenceTemplate) addLicence(task, readyAt, null);
        continue;
      }
      events.push({ at: readyAt, taskId: task.id, actorId: null, kind: "instant-check-failed", data: { reason: check.reason }, public: false });
    }

    const clerk = random.pick(clerks);
    const steps: { at: Date; run: () => void }[] = [];
    // Now and then a task stalls in the department (the backlog red cards are about), recent ones more often:
    // some before anyone claims them, some after acceptance.
    const recent = now.getTime() - readyAt.getTime() < 90 * 86_400_000;
    const stalled = random.chance(recent ? 0.08 : 0.003) ? (random.chance(0.4) ? "unclaimed" : "undecided") : null;
    if (stalled === "unclaimed") continue;
    // A service promised within a day or two is claimed and accepted the day it arrives; others may wait a little.
    const quick = component.promisedLimitDays <= 2;
    let at = atWorkingDay(context, readyDay, quick ? 0 : Number(random.weighted([["0", 5], ["1", 4], ["2", 1]])), readyAt);
    const claimAt = at;
    steps.push({ at: claimAt, run: () => { task.assigneeId = clerk; task.claimedAt = claimAt; event(claimAt, "task-claimed", clerk, {}, false); } });
    at = atWorkingDay(context, dayOf(at), quick ? 0 : random.int(0, 1), at);
    if (random.chance(0.04)) {
      const refuseAt = at;
      const reason = random.pick(service.refuseReasons.length > 0 ? service.refuseReasons : ["申请材料不符合受理条件"]);
      steps.push({ at: refuseAt, run: () => { task.reason = reason; move(refuseAt, "refuse", clerk, { reason }); } });
    } else {
      const acceptAt = at;
      steps.push({ at: acceptAt, run: () => move(acceptAt, "accept", clerk) });
      // How long the department takes: mostly within the promised limit, now and then late.
      const late = random.chance(0.08);
      let handling = late ? component.promisedLimitDays + random.int(1, Math.max(2, Math.ceil(component.promisedLimitDays * 0.8))) : random.int(0, component.promisedLimitDays);
      const supplementRounds = random.chance(0.12) ? (random.chance(0.15) ? 2 : 1) : 0;
      let abandoned = false;
      for (let round = 0; round < supplementRounds; round += 1) {
        const askAt = atWorkingDay(context, dayOf(at), random.int(0, 1), at);
        const items = supplementItems(context, subject, answers);
        const note = random.pick(supplementNotes);
        const supplement: TPlannedSupplement = { id: random.uuid(), taskId: task.id, requestedById: clerk, note, items, status: "open", answers: null, answeredById: null, answeredAt: null, createdAt: askAt };
        steps.push({
          at: askAt,
          run: () => {
            supplements.push(supplement);
            Object.assign(task, { clockStoppedOn: dayOf(askAt), promisedDaysLeft: days.count(dayOf(askAt), task.dueDate), legalDaysLeft: days.count(dayOf(askAt), task.legalDueDate) });
            move(askAt, "request-supplement", clerk, { reason: note, requestId: supplement.id, items });
          },
        });
        if (random.chance(0.04)) {
          // The applicant never answers: the task waits for them.
          abandoned = true;
          break;
        }
        const supplyAt = laterBy(context, askAt, 6 * 60, 6 * 24 * 60);
        steps.push({
          at: supplyAt,
          run: () => {
            const keys = items.map((item) => item.key);
            Object.assign(supplement, { status: "answered", answers: Object.fromEntries(keys.filter((key) => key in answers).map((key) => [key, answers[key]])), answeredById: applicantId, answeredAt: supplyAt });
            const supplyDay = dayOf(supplyAt);
            Object.assign(task, { dueDate: days.add(supplyDay, task.promisedDaysLeft ?? 0), legalDueDate: days.add(supplyDay, task.legalDaysLeft ?? 0), clockStoppedOn: null, promisedDaysLeft: null, legalDaysLeft: null, overdueNotifiedAt: null });
            move(supplyAt, "supply", applicantId, { requestId: supplement.id, keys });
          },
        });
        const reacceptAt = atWorkingDay(context, dayOf(supplyAt), random.int(0, 1), supplyAt);
        steps.push({ at: reacceptAt, run: () => move(reacceptAt, "accept", clerk) });
        at = reacceptAt;
        handling = Math.max(1, handling - 1);
      }
      if (!abandoned) {
        // An extension now and then, asked before the due date and decided by a supervisor.
        if (random.chance(0.04)) {
          const askAt = atWorkingDay(context, dayOf(at), random.int(0, 2), at);
          const extensionDays = random.int(3, 10);
          const reason = random.pick(extensionReasons);
          steps.push({
            at: askAt,
            run: () => {
              Object.assign(task, { extensionStatus: "requested", extensionDays, extensionReason: reason, extensionRequestedById: clerk });
              event(askAt, "extension-requested", clerk, { days: extensionDays, reason }, false);
            },
          });
          const decideAt = atWorkingDay(context, dayOf(askAt), random.int(1, 2), askAt);
          const supervisor = random.pick(reference.supervisorIds);
          const approved = random.chance(0.75);
          steps.push({
            at: decideAt,
            run: () => {
              Object.assign(task, { extensionStatus: approved ? "approved" : "denied", extensionDecidedById: supervisor, extensionDecidedAt: decideAt });
              if (approved) {
                if (task.clockStoppedOn) Object.assign(task, { promisedDaysLeft: (task.promisedDaysLeft ?? 0) + extensionDays, legalDaysLeft: (task.legalDaysLeft ?? 0) + extensionDays });
                else Object.assign(task, { dueDate: days.add(task.dueDate, extensionDays), legalDueDate: days.add(task.legalDueDate, extensionDays), overdueNotifiedAt: null });
                event(decideAt, "task-extended", supervisor, { days: extensionDays, dueDate: task.dueDate });
              } else event(decideAt, "extension-denied", supervisor, { days: extensionDays }, false);
            },
          });
          at = decideAt;
        }
        const decideAt = stalled === "undecided" ? new Date(8.64e15) : atWorkingDay(context, readyDay, handling, at);
        const reject = random.chance(0.06);
        const reason = reject ? random.pick(service.rejectReasons.length > 0 ? service.rejectReasons : ["经审查，不符合法定条件"]) : null;
        steps.push({
          at: decideAt,
          run: () => {
            if (task.status !== "accepted") return;
            if (reject) {
              task.reason = reason;
              move(decideAt, "reject", clerk, { reason });
              return;
            }
            move(decideAt, "approve", clerk);
            task.approvedAt = decideAt;
            if (service.licenceTemplate) addLicence(task, decideAt, clerk);
          },
        });
      }
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of steps) {
      if (step.at > cut) break;
      step.run();
    }
  }

  function addLicence(task: TPlannedTask, at: Date, actorId: string | null) {
    licences.push({ taskId: task.id, service: task.service, at });
    events.push({ at, taskId: task.id, actorId, kind: "licence-issued", data: {}, public: true, licenceIndex: licences.length - 1 });
  }

  // The withdrawal: each review still open is withdrawn, its pending dependants cancelled by the runner.
  if (withdrawAt && withdrawAt <= now) {
    for (const task of tasks) {
      if (isTaskConcluded(task.status)) continue;
      task.status = "withdrawn";
      task.decidedAt = withdrawAt;
      const reason = random.pick(withdrawReasons);
      events.push({ at: withdrawAt, taskId: task.id, actorId: applicantId, kind: "task-withdrawn", data: reason ? { reason } : {}, public: true });
      task.version += 1;
      task.updatedAt = withdrawAt;
      for (const supplement of supplements) if (supplement.taskId === task.id && supplement.status === "open") supplement.status = "closed";
      for (const dependant of tasks) {
        if (dependant.status !== "pending" || !dependant.prerequisiteTaskIds.includes(task.id)) continue;
        dependant.status = "cancelled";
        dependant.decidedAt = withdrawAt;
        events.push({ at: withdrawAt, taskId: dependant.id, actorId: null, kind: "task-cancelled", data: { prerequisite: task.service.code, prerequisiteStatus: "withdrawn" }, public: true });
        dependant.version += 1;
        dependant.updatedAt = withdrawAt;
      }
    }
  }

  // Overdue: the sweep told the department the day after the due date, once (the last due date that passed).
  const today = context.today;
  for (const task of tasks) {
    if (!task.readyOn || task.clockStoppedOn) continue;
    const end = task.decidedAt ? dayOf(task.decidedAt) : today;
    if (task.dueDate >= end) continue;
    const toldAt = beijing(nextDay(task.dueDate), 8 * 60 + random.int(0, 30));
    if (toldAt > now || (task.decidedAt && toldAt > task.decidedAt)) continue;
    task.overdueNotifiedAt = toldAt;
    events.push({ at: toldAt, taskId: task.id, actorId: null, kind: "task-overdue", data: { dueDate: task.dueDate }, public: false });
  }

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const status = caseStatusOf(tasks.map((task) => ({ status: task.status, kind: "review" as const })));
  const ended = status === "concluded" || status === "withdrawn";
  const concludedAt = ended ? new Date(Math.max(...tasks.map((task) => task.decidedAt!.getTime()))) : null;
  if (concludedAt) events.push({ at: concludedAt, taskId: null, actorId: null, kind: `case-${status}`, data: {}, public: true });

  // 好差评: about half the concluded cases are rated; a bad rating opens a follow-up in each department that had a task.
  let rating: TPlannedRating | null = null;
  const followUps: TPlannedFollowUp[] = [];
  if (status === "concluded" && random.chance(0.45)) {
    const ratedAt = laterBy(context, concludedAt!, 30, 5 * 24 * 60);
    if (ratedAt <= now) {
      const overall = Number(random.weighted([["5", 70], ["4", 17], ["3", 6], ["2", 4], ["1", 3]]));
      const near = () => Math.min(5, Math.max(1, overall + random.int(-1, 1)));
      rating = { id: random.uuid(), ratedById: applicantId, overall, efficiency: near(), guideAccuracy: near(), convenience: near(), comment: overall <= 2 ? random.pick(["等待时间较长", "材料要求不够清楚", "多次补正，流程繁琐"]) : random.pick(comments), createdAt: ratedAt };
      events.push({ at: ratedAt, taskId: null, actorId: applicantId, kind: "case-rated", data: { overall }, public: true });
      if (overall <= 2) {
        const departments = [...new Set(tasks.filter((task) => task.readyOn !== null).map((task) => task.service.departmentId))];
        const dueOn = days.add(dayOf(ratedAt), 5);
        for (const departmentId of departments) {
          const followUp: TPlannedFollowUp = { id: random.uuid(), departmentId, dueOn, status: "open", reply: null, repliedById: null, repliedAt: null, createdAt: ratedAt };
          const repliedAt = atWorkingDay(context, dayOf(ratedAt), random.int(1, 7), ratedAt);
          if (random.chance(0.9) && repliedAt <= now) {
            const clerk = random.pick(reference.clerksByDepartment.get(departmentId)!);
            Object.assign(followUp, { status: "answered", reply: random.pick(followUpReplies), repliedById: clerk, repliedAt });
            const code = tasks.find((task) => task.service.departmentId === departmentId)!.service.departmentCode;
            events.push({ at: repliedAt, taskId: null, actorId: clerk, kind: "follow-up-answered", data: { followUpId: followUp.id, department: code }, public: true });
          }
          followUps.push(followUp);
        }
      }
      events.sort((a, b) => a.at.getTime() - b.at.getTime());
    }
  }

  return {
    id: caseId,
    subject,
    applicant,
    member,
    applicantId,
    channel,
    filedById,
    answers,
    status,
    submittedAt,
    concludedAt,
    updatedAt: events.at(-1)!.at,
    tasks,
    events,
    supplements,
    licences,
    documents,
    rating,
    followUps,
  };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** One or two questions of the form to correct (the answered ones, so the request has something to change). */
function supplementItems(context: TContext, subject: TApplySubject, answers: TAnswers): { key: string; note: string }[] {
  const keys = subject.form.definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.filter((field) => field.key in answers && !field.prefill).map((field) => field.key)));
  const chosen = new Set<string>();
  const count = Math.min(keys.length, context.random.int(1, 2));
  while (chosen.size < count) chosen.add(context.random.pick(keys));
  return [...chosen].map((key) => ({ key, note: context.random.pick(supplementNotes) }));
}
