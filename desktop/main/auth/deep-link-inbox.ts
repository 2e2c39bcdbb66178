/**
 * Deep links can arrive before anything can act on them (macOS `open-url` fires before the
 * app is ready; a cold start carries one on argv). The inbox queues them until a handler is
 * attached, then delivers in order. Duplicates in a row (the OS sometimes sends a link twice)
 * are dropped.
 */
export function createDeepLinkInbox(maxQueued = 10) {
  const queue: string[] = [];
  let handler: ((url: string) => void) | undefined;
  let last: string | undefined;
  return {
    deliver(url: string | undefined): void {
      if (!url || url === last) return;
      last = url;
      if (handler) handler(url);
      else if (queue.length < maxQueued) queue.push(url);
    },
    attach(next: (url: string) => void): void {
      handler = next;
      for (const url of queue.splice(0)) next(url);
    },
  };
}

export type DeepLinkInbox = ReturnType<typeof createDeepLinkInbox>;
