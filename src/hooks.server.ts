import type { ServerInit } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';

/** Boot the database at server start, so progress shows in the console before the first request. */
export const init: ServerInit = async () => {
  await getRuntime();
};
