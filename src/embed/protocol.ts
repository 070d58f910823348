/**
 * The embedding protocol of shared/product.md § Embedding, shared by the frame's bridge and the
 * `<spine-cast>` element. Plain objects, versioned by `spinecast: 1`:
 *   host → frame  { spinecast: 1, type: 'command', id, method, args }
 *   frame → host  { spinecast: 1, type: 'result', id, ok: true, value }
 *                 { spinecast: 1, type: 'result', id, ok: false, error: { code, message } }
 *                 { spinecast: 1, type: 'event', event, payload }
 * Kept free of imports: the element's bundle must stay tiny.
 */
export const PROTOCOL_VERSION = 1;

/** The command API methods a host may call (shared/product.md: window.spinecast). */
export const BRIDGE_METHODS = ['getState', 'play', 'pause', 'seek', 'goToStep', 'next', 'prev', 'set', 'capture', 'record'] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

/** Events forwarded to the host; the element re-dispatches each as a `spinecast:<event>` DOM event. */
export const BRIDGE_EVENTS = ['ready', 'stepchange', 'leak', 'error', 'statechange'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

export type CommandId = string | number;

export interface CommandMessage {
  spinecast: typeof PROTOCOL_VERSION;
  type: 'command';
  id: CommandId;
  method: string;
  args?: unknown[];
}

export interface ErrorInfo {
  code: string;
  message: string;
  issues?: unknown[];
}

export type ResultMessage =
  | { spinecast: typeof PROTOCOL_VERSION; type: 'result'; id: CommandId | null; ok: true; value: unknown }
  | { spinecast: typeof PROTOCOL_VERSION; type: 'result'; id: CommandId | null; ok: false; error: ErrorInfo };

export interface EventMessage {
  spinecast: typeof PROTOCOL_VERSION;
  type: 'event';
  event: BridgeEvent;
  payload: unknown;
}

export type FrameMessage = ResultMessage | EventMessage;
