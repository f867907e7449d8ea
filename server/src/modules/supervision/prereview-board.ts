/** The board's 网上预审 section: online applications whose pre-review clock is yellow or red. */
import type { AppContext } from '../../platform/context.ts';
import { waitingForBoard } from '../prereview/service.ts';

export async function prereviewBoard(ctx: AppContext, hallIds: string[]) {
  return { prereviews: await waitingForBoard(ctx, hallIds) };
}
