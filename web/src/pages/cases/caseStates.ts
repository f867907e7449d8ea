/**
 * In the order a case passes through them: the server's own list (a pure domain module, no I/O), so the
 * browser's filters can never drift from the state machine.
 */
export { caseStates as CASE_STATES } from '../../../../server/src/domain/case/states.ts';
