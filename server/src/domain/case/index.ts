/** The case (办件) state machine: states, the transition table and the function that applies it. */
export {
  allowedActions,
  type CaseStatus,
  type CompletionOutcome,
  initialStatus,
  type Payload,
  type PayloadProblem,
  parseCaseStatus,
  payloadProblem,
  type TransitionResult,
  transition,
} from './machine.ts';
export {
  type CaseState,
  type Clock,
  caseStates,
  endsWithoutResult,
  isCaseState,
  isSuspendable,
  isTerminal,
  type StateInfo,
  type SuspendableState,
  type SuspensionKind,
  stateInfo,
  stateLabels,
  suspendableStates,
  suspensionKinds,
  type TerminalState,
  terminalStates,
} from './states.ts';
export {
  type CaseAction,
  caseActions,
  isCaseAction,
  type PayloadField,
  payloadFields,
  type TransitionRule,
  transitions,
} from './transitions.ts';
export {
  type AuthorityLevel,
  authorityForItem,
  authorityLabels,
  authorityLevels,
  chainProblem,
  holdsAuthority,
  isAuthorityLevel,
} from './authority.ts';
export { caseMove, caseOptions, inconsistency, type MoveResult, startProcess } from './moves.ts';
export { decide } from './process.ts';
export {
  type CaseStep,
  holdsPost,
  isProcessAction,
  kindOf,
  mayWork,
  type ProcessAction,
  processActions,
  type StepActor,
  type StepKind,
  type StepStatus,
  stateFor,
  workable,
} from './steps.ts';
