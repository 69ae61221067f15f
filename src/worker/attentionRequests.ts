/**
 * Attention queries answered in the training worker ("attn." methods of AttentionWorkerRequests): the attention
 * weights of a trained model for a text. Returns undefined for a method it does not know.
 */
export async function attentionRequest(method: string, params: unknown): Promise<unknown> {
  void params;
  switch (method) {
    default:
      return undefined;
  }
}
