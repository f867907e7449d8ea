import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../platform/clock.ts';
import { json } from '../../../test/helpers.ts';
import { nextResidentId } from '../../../test/intake-fixtures.ts';
import {
  acceptedCase,
  hall,
  hallId,
  ok,
  progress,
  s,
  sc,
  stepOf,
  withBackofficeHall,
} from '../../../test/backoffice-fixtures.ts';
import { calendarOf } from '../calendar/service.ts';

withBackofficeHall();

const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('a case from acceptance to the archive', () => {
  it('walks the whole back office, with the public progress at each stage', async () => {
    let c = await acceptedCase({ urgency: 'regular' }, '13712340001');
    const calendar = await calendarOf(hall.ctx.db, hallId);
    const today = chinaDay(hall.clock.now());
    expect(c.state).toBe('in_process');
    expect(stepOf(c, 's2')).toMatchObject({
      status: 'active',
      assignee: null,
      deadline: calendar.addWorkingDays(today, 2).deadline,
      light: 'green',
    });
    expect(c.light).toBe('green');
    let p = await progress(c.caseNo, '0001');
    expect(p).toMatchObject({ stateLabel: '办理中', currentStep: '材料审核、现场核查', promisedDate: c.deadline });

    // Claimed by each parallel step's worker; the department inbox and the personal inbox show it.
    const inbox = json(await s.handler.get(`/api/backoffice/inbox/department?departmentId=${sc}&unassigned=true`));
    expect(
      inbox.items
        .filter((i: any) => i.caseId === c.id)
        .map((i: any) => i.stepName)
        .sort(),
    ).toEqual(['材料审核', '现场核查']);
    c = await ok(await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/claim`));
    expect(stepOf(c, 's3').assignee.name).toBe('杨帆');
    // The on-site check is the handler's post: the reviewer may not take it, nor the handler take it twice.
    expect((await s.reviewer.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/claim`)).statusCode).toBe(403);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/steps/${stepOf(c, 's2').id}/claim`));
    const mine = json(await s.handler.get('/api/backoffice/inbox/mine'));
    expect(mine.items.map((i: any) => i.stepId)).toContain(stepOf(c, 's3').id);

    // Verification with the front desk, answer due in 2 working days.
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/verification`, {
        question: '经营场所地址与营业执照是否一致？',
        responseDays: 2,
      }),
    );
    expect(c.state).toBe('awaiting_verification');
    expect(c.verifications[0]).toMatchObject({
      responseDeadline: calendar.addWorkingDays(today, 2).deadline,
      answer: null,
    });
    expect((await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, {})).statusCode).toBe(409);
    c = await ok(await s.clerk.post(`/api/cases/${c.id}/verification/answer`, { answer: '已电话核实，地址一致' }));
    expect(c.state).toBe('in_process');
    expect(c.verifications[0]).toMatchObject({ answer: '已电话核实，地址一致', answeredBy: '张伟' });
    expect(c.events.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['askFrontDeskToVerify', 'answerVerification']),
    );

    // Nobody approves or completes while the parallel steps are open; the refusal names them.
    expect((await s.approver.post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(409);
    const early = await s.handler.post(`/api/cases/${c.id}/complete`, { outcome: 'success', summary: 'x' });
    expect(early.statusCode).toBe(409);
    expect(json(early).message).toBe('以下环节尚未办结：材料审核、现场核查、审批');

    // Parallel steps join: the approval step starts only when both are done, with a routing slip.
    const slipsBefore = c.routingSlips.length;
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, { note: '现场核查无误' }),
    );
    expect(stepOf(c, 's4').status).toBe('pending');
    // Only the review is left active: the case is 审核中.
    expect(c.state).toBe('in_review');
    p = await progress(c.caseNo, '0001');
    expect(p.currentStep).toBe('材料审核');
    // A review step is passed, not merely finished.
    expect((await s.reviewer.post(`/api/cases/${c.id}/steps/${stepOf(c, 's2').id}/finish`, {})).statusCode).toBe(409);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, { note: '材料齐全' }));
    // The case follows the now-active step by itself: 审批中, with nobody submitting it.
    expect(c.state).toBe('in_approval');
    expect(stepOf(c, 's4')).toMatchObject({ status: 'active', departmentId: sc });
    expect(c.routingSlips).toHaveLength(slipsBefore + 1);
    expect(c.routingSlips.at(-1)).toMatchObject({ handedOverBy: '刘洋', departmentId: sc, stepId: stepOf(c, 's4').id });
    p = await progress(c.caseNo, '0001');
    expect(p.steps.map((x: any) => x.status)).toEqual(['done', 'done', 'done', 'active']);
    expect(p.steps[1].doneDay).toBe(chinaDay(hall.clock.now()));
    expect(p).toMatchObject({ currentStep: '审批', stateLabel: '审批中' });

    // The approver returns it once: both parallel steps are worked again by their holders, then it comes back.
    expect(json(await s.approver.post(`/api/cases/${c.id}/approval/return`, {}))).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
    });
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/return`, { reason: '现场照片不清晰' }));
    expect(c.state).toBe('returned_for_rework');
    expect([stepOf(c, 's2').status, stepOf(c, 's3').status, stepOf(c, 's4').status]).toEqual([
      'active',
      'active',
      'pending',
    ]);
    expect((await s.approver.post(`/api/cases/${c.id}/rework/start`)).statusCode).toBe(403);
    c = await ok(await s.handler.post(`/api/cases/${c.id}/rework/start`));
    expect(c.state).toBe('in_process');
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/steps/${stepOf(c, 's3').id}/finish`, { note: '补拍现场照片' }),
    );
    expect((await s.supervisor.post(`/api/cases/${c.id}/review/pass`, {})).statusCode).toBe(403);
    c = await ok(await s.reviewer.post(`/api/cases/${c.id}/review/pass`, { note: '符合要求' }));
    expect(c.state).toBe('in_approval');
    expect(c.events.at(-1)).toMatchObject({
      action: 'passReview',
      fromState: 'in_review',
      toState: 'in_approval',
      by: '刘洋',
      detail: { note: '符合要求', next: ['审批'] },
    });
    expect(stepOf(c, 's4').assignee.name).toBe('赵磊');
    expect((await s.handler.post(`/api/cases/${c.id}/approval/submit`)).statusCode).toBe(409);

    // Approval at section level by the approver; the step table and the public page say so.
    expect((await s.handler.post(`/api/cases/${c.id}/approval/approve`, {})).statusCode).toBe(403);
    c = await ok(await s.approver.post(`/api/cases/${c.id}/approval/approve`, { note: '同意' }));
    expect(c.state).toBe('approved');
    expect(stepOf(c, 's4')).toMatchObject({ status: 'done', assignee: { name: '赵磊' } });
    p = await progress(c.caseNo, '0001');
    expect(p.stateLabel).toBe('审批通过');
    expect(p.steps.every((x: any) => x.status === 'done')).toBe(true);

    // Result uploaded and completed; the result notice is issued.
    const bad = await s.handler.post(`/api/cases/${c.id}/files`, {
      name: 'x.pdf',
      contentType: 'application/pdf',
      dataBase64: Buffer.from('hello').toString('base64'),
    });
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'dataBase64' });
    const file = await ok(
      await s.handler.post(`/api/cases/${c.id}/files`, {
        name: '食品经营许可证.pdf',
        contentType: 'application/pdf',
        dataBase64: samplePdf.toString('base64'),
      }),
      201,
    );
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const got = await s.clerk.get(`/api/cases/${c.id}/files/${file.id}`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(samplePdf)).toBe(true);
    c = await ok(
      await s.handler.post(`/api/cases/${c.id}/complete`, {
        outcome: 'success',
        summary: '许可证编号 JY15108120000001',
      }),
    );
    expect(c).toMatchObject({ state: 'completed', outcome: 'success' });
    const notice = c.documents.find((d: any) => d.kind === 'result_notice');
    expect(notice.kindLabel).toBe('结果告知书');
    const pdf = await s.clerk.get(`/api/cases/${c.id}/documents/${notice.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    p = await progress(c.caseNo, '0001');
    expect(p).toMatchObject({ stateLabel: '办结', currentStep: null });

    // Collected with the ID checked; the number is masked in the answer.
    expect(
      json(
        await s.clerk.post(`/api/cases/${c.id}/collect`, {
          collectedBy: '韩梅梅',
          docType: 'resident_id',
          docNumber: '510812198504150000',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'docNumber' });
    const idNo = nextResidentId();
    const collected = await s.feedback.post(`/api/cases/${c.id}/collect`, {
      collectedBy: '韩梅梅',
      docType: 'resident_id',
      docNumber: idNo,
    });
    c = await ok(collected);
    expect(c.state).toBe('delivered');
    expect(c.deliveries[0]).toMatchObject({ method: 'collect', collectedBy: '韩梅梅', docTypeLabel: '居民身份证' });
    expect(collected.body).not.toContain(idNo);

    // Archived with a number per hall and year and the list of what was filed.
    expect((await s.handler.post(`/api/cases/${c.id}/archive`, {})).statusCode).toBe(403);
    const a = await ok(await s.clerk.post(`/api/cases/${c.id}/archive`, {}));
    expect(a.archiveNo).toMatch(/-BJ-2026-0001$/);
    expect(a.retention).toMatchObject({ paperYears: 10, electronic: 'permanent' });
    expect(a.manifest.documents.map((d: any) => d.kind)).toEqual(['receipt', 'result_notice']);
    expect(a.manifest.files[0]).toMatchObject({ name: '食品经营许可证.pdf', sha256: file.sha256 });
    expect(a.manifest.trail.at(-1)).toMatchObject({ action: 'archive', toState: 'archived' });
    expect(JSON.stringify(a)).not.toContain(idNo);
    expect(await ok(await s.clerk.get(`/api/cases/${c.id}/archive`))).toEqual(a);
    expect((await s.clerk.post(`/api/cases/${c.id}/archive`, {})).statusCode).toBe(409);
    p = await progress(c.caseNo, '0001');
    expect(p.stateLabel).toBe('已归档');

    // Every move is in the audit log.
    const audit = await hall.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'case.verification_ask',
        'case.verification_answer',
        'case.step_finish',
        'case.returnForRework',
        'case.startRework',
        'case.passReview',
        'case.approve',
        'case.complete',
        'case.collect',
        'case.archive',
      ]),
    );
  });
});

/** Both parallel steps of BO-1's plan done by their posts: the case is in approval by itself. */
