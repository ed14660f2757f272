// The `g0guard` settings the client answers workspace/configuration with: only the values the
// user set (user, workspace or folder), so `.g0guard.json` and the server's defaults fill the rest.
// VS Code would otherwise hand the server every manifest default and mask the project's file.
import * as vscode from 'vscode';

export const SECTION = 'g0guard';

/** Settings that belong to the client (e.g. `trace.server`) and are never sent to the server. */
const CLIENT_ONLY = new Set(['trace.server']);

/** Setting keys below `g0guard.` declared in the manifest, e.g. `rules.export-panic`, `stackBudgetBytes`. */
export function declaredKeys(packageJSON: any): string[] {
  const props = packageJSON?.contributes?.configuration?.properties ?? {};
  return Object.keys(props)
    .filter((k) => k.startsWith(SECTION + '.'))
    .map((k) => k.slice(SECTION.length + 1))
    .filter((k) => !CLIENT_ONLY.has(k));
}

/** `{ rules: { id: level }, stackBudgetBytes: n, ... }` with the explicitly set values only. */
export function explicitSettings(keys: string[], scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const i = config.inspect(key);
    const value = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    if (value === undefined || value === null) continue;
    // `rules.export-panic` → out.rules['export-panic'] (rule ids hold dashes, never dots)
    const [head, ...rest] = key.split('.');
    if (rest.length === 0) out[head] = value;
    else ((out[head] ??= {}) as Record<string, unknown>)[rest.join('.')] = value;
  }
  return out;
}

/** Middleware for workspace/configuration: our section gets explicit values, others pass through. */
export function configurationMiddleware(keys: string[]) {
  return async (params: { items: { section?: string; scopeUri?: string }[] }, token: vscode.CancellationToken,
    next: (p: any, t: vscode.CancellationToken) => any): Promise<unknown[]> => {
    const defaults = await next(params, token);
    return params.items.map((item, i) => {
      if (item.section !== SECTION) return Array.isArray(defaults) ? defaults[i] : null;
      const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
      return explicitSettings(keys, scope);
    });
  };
}
