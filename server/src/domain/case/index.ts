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
