/**
 * Language-model queries answered in the training worker ("lm." methods of LmWorkerRequests): generation,
 * perplexity, teacher forcing vs free running. Returns undefined for a method it does not know.
 */
export async function lmRequest(method: string, params: unknown): Promise<unknown> {
  void params;
  switch (method) {
    default:
      return undefined;
  }
}
