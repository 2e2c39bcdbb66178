/**
 * What PromptPixels was asked to do on the command line. `--quick` opens the quick-generate
 * popup: the way in where global shortcuts do not work (Wayland) or from launchers, both on a
 * first start and when a running instance receives it (second-instance argv).
 */
export interface LaunchRequest {
  quick: boolean;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchRequest {
  // Only flags before a bare `--` count; anything after it is data, not an option.
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  return { quick: flags.some((a) => a === '--quick' || a === '--quick=true') };
}
