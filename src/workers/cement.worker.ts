/// <reference lib="webworker" />
/**
 * Runs one cement simulation per message, off the main thread. Results go back with their typed
 * arrays transferred, not copied.
 */
import { cementTransferables, simulateCement } from '../domain/cement/simulateCement.ts';
import type { CementInput, CementResult } from '../domain/cement/types.ts';

export interface CementRequest {
  id: number;
  input: CementInput;
}

export type CementResponse = { id: number; ok: true; result: CementResult } | { id: number; ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CementRequest>) => {
  const { id, input } = event.data;
  try {
    const result = simulateCement(input);
    const response: CementResponse = { id, ok: true, result };
    scope.postMessage(response, cementTransferables(result));
  } catch (error) {
    const response: CementResponse = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(response);
  }
};
