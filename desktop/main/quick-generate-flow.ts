import type { QuickGenerateEvent, QuickGenerateRequest } from '../shared/quick-generate.ts';
import type { Notifier } from './notifications.ts';
import type { QuickGenerateService } from './quick-generate.ts';

/**
 * What happens around a quick generation in main, whether or not the popup is still open:
 * progress goes to the popup, and when it finishes the first image is copied to the clipboard
 * (if the user chose that) and a notification shows the result; clicking it opens the result.
 */
export function createQuickGenerateFlow(deps: {
  service: QuickGenerateService;
  notifier: Notifier;
  copyImageToClipboard: (path: string) => void;
  copyAfterGenerate: () => boolean;
  openResult: (generationId: string) => void;
  sendToPopup: (event: QuickGenerateEvent) => void;
}) {
  const prompts = new Map<string, string>();

  deps.service.onEvent((event) => {
    deps.sendToPopup(event);
    if (event.state === 'running') return;
    const prompt = prompts.get(event.id) ?? '';
    prompts.delete(event.id);
    if (event.state === 'succeeded') {
      const first = event.images[0];
      const copied = first !== undefined && deps.copyAfterGenerate();
      if (copied) deps.copyImageToClipboard(first.path);
      const count = event.images.length;
      deps.notifier.notify({
        title: count === 1 ? 'Your image is ready' : `Your ${count} images are ready`,
        body: `${prompt}${copied ? '\nCopied to the clipboard.' : ''}`.trim(),
        ...(first ? { icon: first.path } : {}),
        onClick: () => deps.openResult(event.id),
      });
    } else {
      deps.notifier.notify({ title: 'Quick generate failed', body: event.message, onClick: () => deps.openResult(event.id) });
    }
  });

  return {
    async start(request: QuickGenerateRequest) {
      const res = await deps.service.start(request);
      if (res.ok) prompts.set(res.value.id, request.prompt);
      return res;
    },
  };
}
